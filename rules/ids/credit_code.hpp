#pragma once
// Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority,
// organisation type, six-digit region code, the nine-character organisation code of GB 11714
// (with its own check character) and a final MOD 31 check character (GB/T 17710).
// Pure and allocation-free: a nightly scan validates every row with it.
#include <cstdint>
#include <string_view>

#include "rules/ids/identifier_text.hpp"
#include "rules/verdict.hpp"

namespace jiaohe::rules::ids {

enum class CreditCodeReason : std::uint8_t {
  kOk,
  kLength,             // not 18 characters
  kCharacter,          // a character outside 0-9 A-H J-N P-R T U W-Y
  kAuthorityType,      // positions 1-2 are not an authority/type pair of the standard's table
  kRegion,             // positions 3-8 are not six digits of a province's region (or 100000)
  kOrganisationCheck,  // position 17 disagrees with the GB 11714 check of positions 9-16
  kCheckCharacter,     // position 18 disagrees with MOD 31
};

// The normalised 18-character code, or the reason it is not valid.
using CreditCodeVerdict = Verdict<CreditCodeReason, 18>;

// The 31 characters of the code; a character's value is its index.
inline constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Validates `text` after folding surrounding spaces, full-width forms and lower case.
CreditCodeVerdict validate_credit_code(std::string_view text);
// The same for input already folded.
CreditCodeVerdict validate_credit_code(const FoldedIdentifier& folded);

// Whether GB 32100 (table A.1 with amendment 1 of 2016) lets authority `a` register type `t`.
bool is_allowed_authority_type(char authority, char type);

// The GB 11714 check character ('0'-'9' or 'X') of an 8-character organisation code body of
// digits and upper-case letters.
char organisation_code_check_character(std::string_view body8);

// The MOD 31 check character of the first 17 characters, all from kCreditCodeAlphabet.
char credit_code_check_character(std::string_view first17);

// Stable snake_case code of a reason, for output and findings (e.g. "check_character").
std::string_view reason_code(CreditCodeReason reason);
// A sentence for people.
std::string_view reason_message(CreditCodeReason reason);

}  // namespace jiaohe::rules::ids
