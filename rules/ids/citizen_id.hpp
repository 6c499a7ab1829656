#pragma once
// Citizen identity number (公民身份号码), GB 11643-1999: six-digit region code, eight-digit
// birth date, three-digit sequence (odd for men), one ISO 7064 MOD 11-2 check character.
// Pure and allocation-free: a nightly scan validates every row with it.
#include <chrono>
#include <cstdint>
#include <string_view>

#include "rules/verdict.hpp"

namespace jiaohe::rules::ids {

enum class CitizenIdReason : std::uint8_t {
  kOk,
  kLength,               // not 18 characters (nor 15 with the legacy option)
  kLegacyForm,           // 15 digits, but the caller did not ask for the legacy form
  kCharacter,            // a character other than a digit (or a final X)
  kRegion,               // first two digits are not a province-level code
  kBirthDateInvalid,     // digits 7-14 are not a calendar date
  kBirthDateFuture,      // after `today`
  kBirthDateBefore1900,  // before 1900-01-01
  kCheckCharacter,       // the 18th character disagrees with MOD 11-2
};

// The normalised 18-character number, or the reason it is not valid.
using CitizenIdVerdict = Verdict<CitizenIdReason, 18>;

struct CitizenIdOptions {
  std::chrono::year_month_day today;  // birth dates after this are rejected; never read from a clock here
  bool accept_legacy_15 = false;      // accept the 15-digit form (pre-1999) and upgrade it to 18
};

// Validates `text` after folding surrounding spaces, full-width forms and a lower-case x.
CitizenIdVerdict validate_citizen_id(std::string_view text, const CitizenIdOptions& options);

// The MOD 11-2 check character ('0'-'9' or 'X') of the first 17 digits; `first17` must be digits.
char citizen_id_check_character(std::string_view first17);

// Stable snake_case code of a reason, for output and findings (e.g. "check_character").
std::string_view reason_code(CitizenIdReason reason);
// A sentence for people.
std::string_view reason_message(CitizenIdReason reason);

}  // namespace jiaohe::rules::ids
