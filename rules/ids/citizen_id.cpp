#include "rules/ids/citizen_id.hpp"

#include <array>

#include "rules/ids/identifier_text.hpp"
#include "rules/ids/province_codes.hpp"

namespace jiaohe::rules::ids {

namespace {

constexpr std::size_t kLength = 18;
constexpr std::size_t kLegacyLength = 15;
// ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions 1..17 (GB 11643-1999, 7.2).
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr int digit(char c) { return c - '0'; }
int number(const char* p, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) v = v * 10 + digit(p[i]);
  return v;
}

}  // namespace

char citizen_id_check_character(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) sum += digit(first17[i]) * kWeights[i];
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

CitizenIdVerdict validate_citizen_id(std::string_view text, const CitizenIdOptions& options) {
  const FoldedIdentifier folded = fold_identifier(text);
  CitizenIdVerdict v;
  char* out = v.chars.data();
  if (folded.length == kLegacyLength) {
    for (std::size_t i = 0; i < kLegacyLength; ++i)
      if (!is_digit(folded.chars[i])) return CitizenIdVerdict::fail(CitizenIdReason::kCharacter, static_cast<std::uint8_t>(i + 1));
    if (!options.accept_legacy_15) return CitizenIdVerdict::fail(CitizenIdReason::kLegacyForm);
    // The 15-digit form has a two-digit year of the 1900s and no check character.
    for (std::size_t i = 0; i < 6; ++i) out[i] = folded.chars[i];
    out[6] = '1';
    out[7] = '9';
    for (std::size_t i = 6; i < kLegacyLength; ++i) out[i + 2] = folded.chars[i];
    out[17] = citizen_id_check_character(std::string_view(out, 17));
  } else if (folded.length == kLength) {
    for (std::size_t i = 0; i < kLength; ++i) {
      const char c = folded.chars[i];
      if (!is_digit(c) && !(i == kLength - 1 && c == 'X'))
        return CitizenIdVerdict::fail(CitizenIdReason::kCharacter, static_cast<std::uint8_t>(i + 1));
      out[i] = c;
    }
  } else {
    return CitizenIdVerdict::fail(CitizenIdReason::kLength);
  }

  if (!is_province_code(number(out, 2))) return CitizenIdVerdict::fail(CitizenIdReason::kRegion, 1);

  using namespace std::chrono;
  const year_month_day birth{year{number(out + 6, 4)}, month{static_cast<unsigned>(number(out + 10, 2))},
                             day{static_cast<unsigned>(number(out + 12, 2))}};
  if (!birth.ok()) return CitizenIdVerdict::fail(CitizenIdReason::kBirthDateInvalid, 7);
  if (birth.year() < year{1900}) return CitizenIdVerdict::fail(CitizenIdReason::kBirthDateBefore1900, 7);
  if (birth > options.today) return CitizenIdVerdict::fail(CitizenIdReason::kBirthDateFuture, 7);

  if (citizen_id_check_character(std::string_view(out, 17)) != out[17])
    return CitizenIdVerdict::fail(CitizenIdReason::kCheckCharacter, 18);
  v.size = kLength;
  return v;
}

std::string_view reason_code(CitizenIdReason reason) {
  switch (reason) {
    case CitizenIdReason::kOk: return "ok";
    case CitizenIdReason::kLength: return "length";
    case CitizenIdReason::kLegacyForm: return "legacy_form";
    case CitizenIdReason::kCharacter: return "character";
    case CitizenIdReason::kRegion: return "region";
    case CitizenIdReason::kBirthDateInvalid: return "birth_date_invalid";
    case CitizenIdReason::kBirthDateFuture: return "birth_date_future";
    case CitizenIdReason::kBirthDateBefore1900: return "birth_date_before_1900";
    case CitizenIdReason::kCheckCharacter: return "check_character";
  }
  return "unknown";
}

std::string_view reason_message(CitizenIdReason reason) {
  switch (reason) {
    case CitizenIdReason::kOk: return "valid citizen identity number";
    case CitizenIdReason::kLength: return "a citizen identity number has 18 characters";
    case CitizenIdReason::kLegacyForm: return "15-digit legacy number; it is accepted only when the legacy form is allowed";
    case CitizenIdReason::kCharacter: return "only digits are allowed, and X as the last character";
    case CitizenIdReason::kRegion: return "the first two digits are not a province-level region code";
    case CitizenIdReason::kBirthDateInvalid: return "digits 7-14 are not a calendar date";
    case CitizenIdReason::kBirthDateFuture: return "the birth date lies in the future";
    case CitizenIdReason::kBirthDateBefore1900: return "the birth date is before 1900";
    case CitizenIdReason::kCheckCharacter: return "the check character does not match (ISO 7064 MOD 11-2)";
  }
  return "unknown reason";
}

}  // namespace jiaohe::rules::ids
