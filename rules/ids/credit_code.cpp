#include "rules/ids/credit_code.hpp"

#include "rules/decimal_fields.hpp"
#include "rules/ids/province_codes.hpp"

#include <array>

#include "rules/ids/identifier_text.hpp"

namespace jiaohe::rules::ids {

namespace {

constexpr std::size_t kLength = 18;
// MOD 31 weights: 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015, 4.2).
constexpr std::array<int, 17> kCodeWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// GB 11714-1997 organisation code weights on its 8 body characters.
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};

// Value of each byte in the 31-character alphabet, -1 when not in it.
constexpr std::array<std::int8_t, 256> make_values() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (std::size_t i = 0; i < kCreditCodeAlphabet.size(); ++i)
    t[static_cast<unsigned char>(kCreditCodeAlphabet[i])] = static_cast<std::int8_t>(i);
  return t;
}
constexpr std::array<std::int8_t, 256> kValues = make_values();

int value_of(char c) { return kValues[static_cast<unsigned char>(c)]; }

// GB 32100-2015 table A.1 as amended in 2016: registration authority and the organisation
// types it may register. Kept in this one place; the authority list is closed, so an unknown
// first character is an authority/type defect, not a character defect.
struct AuthorityTypes {
  char authority;
  std::string_view types;
};
constexpr std::array<AuthorityTypes, 12> kAuthorityTypes = {{
    {'1', "1239"},    // 机构编制: organs, public institutions, mass organisations, other
    {'2', "19"},      // 外交: foreign resident news agencies, other
    {'3', "123459"},  // 司法行政: law firms, notaries, legal service offices, forensic, arbitration
    {'4', "19"},      // 文化: foreign cultural centres, other
    {'5', "1239"},    // 民政: social groups, private non-enterprise units, foundations, other
    {'6', "129"},     // 旅游: resident representative offices of tourism authorities
    {'7', "129"},     // 宗教: places of religious activity, religious schools
    {'8', "19"},      // 工会: grass-roots trade unions
    {'9', "123"},     // 工商: enterprises, individual businesses, farmers' co-operatives
    {'A', "19"},      // 中央军委改革和编制办公室: military public institutions
    {'N', "1239"},    // 农业: rural collective economic organisations
    {'Y', "1"},       // 其他 (other registration authorities)
}};

int org_char_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return c - 'A' + 10;  // GB 11714: letters A=10 .. Z=35
}

}  // namespace

bool is_allowed_authority_type(char authority, char type) {
  for (const AuthorityTypes& a : kAuthorityTypes)
    if (a.authority == authority) return a.types.find(type) != std::string_view::npos;
  return false;
}

char organisation_code_check_character(std::string_view body8) {
  int sum = 0;
  for (std::size_t i = 0; i < kOrgWeights.size(); ++i) sum += org_char_value(body8[i]) * kOrgWeights[i];
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

char credit_code_check_character(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < kCodeWeights.size(); ++i) sum += value_of(first17[i]) * kCodeWeights[i];
  return kCreditCodeAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

CreditCodeVerdict validate_credit_code(std::string_view text) { return validate_credit_code(fold_identifier(text)); }

CreditCodeVerdict validate_credit_code(const FoldedIdentifier& folded) {
  if (folded.length != kLength) return CreditCodeVerdict::fail(CreditCodeReason::kLength);
  CreditCodeVerdict v;
  for (std::size_t i = 0; i < kLength; ++i) {
    const char c = folded.chars[i];
    if (value_of(c) < 0) return CreditCodeVerdict::fail(CreditCodeReason::kCharacter, static_cast<std::uint8_t>(i + 1));
    v.chars[i] = c;
  }
  const std::string_view code(v.chars.data(), kLength);
  if (!is_allowed_authority_type(code[0], code[1])) return CreditCodeVerdict::fail(CreditCodeReason::kAuthorityType, 1);
  for (std::size_t i = 2; i < 8; ++i)
    if (code[i] < '0' || code[i] > '9')
      return CreditCodeVerdict::fail(CreditCodeReason::kRegion, static_cast<std::uint8_t>(i + 1));
  // The registering authority's region: a province's (GB/T 2260), or 100000 for registrations
  // made nationally.
  if (code.substr(2, 6) != "100000" && !is_province_code(parse_digits(code.substr(2, 2))))
    return CreditCodeVerdict::fail(CreditCodeReason::kRegion, 3);
  if (organisation_code_check_character(code.substr(8, 8)) != code[16])
    return CreditCodeVerdict::fail(CreditCodeReason::kOrganisationCheck, 17);
  if (credit_code_check_character(code) != code[17]) return CreditCodeVerdict::fail(CreditCodeReason::kCheckCharacter, 18);
  v.size = kLength;
  return v;
}

std::string_view reason_code(CreditCodeReason reason) {
  switch (reason) {
    case CreditCodeReason::kOk: return "ok";
    case CreditCodeReason::kLength: return "length";
    case CreditCodeReason::kCharacter: return "character";
    case CreditCodeReason::kAuthorityType: return "authority_type";
    case CreditCodeReason::kRegion: return "region";
    case CreditCodeReason::kOrganisationCheck: return "organisation_code_check";
    case CreditCodeReason::kCheckCharacter: return "check_character";
  }
  return "unknown";
}

std::string_view reason_message(CreditCodeReason reason) {
  switch (reason) {
    case CreditCodeReason::kOk: return "valid unified social credit code";
    case CreditCodeReason::kLength: return "a unified social credit code has 18 characters";
    case CreditCodeReason::kCharacter: return "only 0-9 and upper-case letters except I, O, S, V and Z are allowed";
    case CreditCodeReason::kAuthorityType:
      return "the first two characters are not a registration authority and organisation type of GB 32100";
    case CreditCodeReason::kRegion:
      return "characters 3-8 must be a six-digit region code of a province (or 100000 for national registrations)";
    case CreditCodeReason::kOrganisationCheck:
      return "the organisation code check character (position 17, GB 11714) does not match";
    case CreditCodeReason::kCheckCharacter: return "the check character does not match (MOD 31)";
  }
  return "unknown reason";
}

}  // namespace jiaohe::rules::ids
