#include "rules/normalize/phone.hpp"

#include <array>

#include "rules/normalize/full_width.hpp"
#include "rules/normalize/whitespace.hpp"

namespace jiaohe::rules::normalize {

namespace {

constexpr std::size_t kDigits = 11;
// Enough for 0086 and 11 digits; longer input only needs counting.
constexpr std::size_t kCapacity = 16;

bool separator(char32_t c) {
  return (c < 0x80 && is_ascii_space(static_cast<char>(c))) || c == U'-' || c == U'.' || c == U'(' || c == U')';
}

}  // namespace

PhoneVerdict normalize_phone(std::string_view text) {
  std::array<char, kCapacity> digits{};
  std::size_t count = 0;
  bool plus = false;
  std::uint8_t position = 0;  // characters seen, for the position of a bad one
  for (std::size_t pos = 0; pos < text.size();) {
    const FoldedChar f = next_folded(text, pos);
    pos += f.length;
    ++position;
    const char32_t c = f.code_point;
    if (c >= U'0' && c <= U'9') {
      if (count < kCapacity) digits[count] = static_cast<char>(c);
      ++count;
    } else if (c == U'+' && count == 0 && !plus) {
      plus = true;  // only before the first digit
    } else if (!separator(c)) {
      return PhoneVerdict::fail(PhoneReason::kCharacter, position);
    }
  }
  if (count == 0) return plus ? PhoneVerdict::fail(PhoneReason::kLength) : PhoneVerdict::fail(PhoneReason::kEmpty);
  if (count > kCapacity) return PhoneVerdict::fail(PhoneReason::kLength);

  std::string_view d(digits.data(), count);
  if (plus) {
    if (d.substr(0, 2) != "86") return PhoneVerdict::fail(PhoneReason::kCountryCode);
    d.remove_prefix(2);
  } else if (d.substr(0, 2) == "00") {
    if (d.substr(0, 4) != "0086") return PhoneVerdict::fail(PhoneReason::kCountryCode);
    d.remove_prefix(4);
  } else if (d.size() == kDigits + 2 && d.substr(0, 2) == "86") {
    d.remove_prefix(2);  // 86 without + or 00: only when exactly 11 digits follow
  }
  if (d.size() != kDigits) return PhoneVerdict::fail(PhoneReason::kLength);
  if (d[0] != '1' || d[1] < '3') return PhoneVerdict::fail(PhoneReason::kPrefix);
  PhoneVerdict v;
  for (std::size_t i = 0; i < kDigits; ++i) v.chars[i] = d[i];
  v.size = kDigits;
  return v;
}

std::string_view reason_code(PhoneReason reason) {
  switch (reason) {
    case PhoneReason::kOk: return "ok";
    case PhoneReason::kEmpty: return "empty";
    case PhoneReason::kCharacter: return "character";
    case PhoneReason::kCountryCode: return "country_code";
    case PhoneReason::kLength: return "length";
    case PhoneReason::kPrefix: return "prefix";
  }
  return "unknown";
}

std::string_view reason_message(PhoneReason reason) {
  switch (reason) {
    case PhoneReason::kOk: return "valid mainland mobile number";
    case PhoneReason::kEmpty: return "no number given";
    case PhoneReason::kCharacter: return "only digits, spaces, dashes, dots, brackets and a leading + are allowed";
    case PhoneReason::kCountryCode: return "an international number outside mainland China (+86)";
    case PhoneReason::kLength: return "a mainland mobile number has 11 digits after +86";
    case PhoneReason::kPrefix: return "a mainland mobile number starts with 13-19";
  }
  return "unknown reason";
}

}  // namespace jiaohe::rules::normalize
