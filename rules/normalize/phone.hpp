#pragma once
// Mainland mobile numbers to their 11 digits (1[3-9]xxxxxxxxx): a +86, 0086 or 86 prefix,
// spaces, dashes, dots, brackets and full-width digits are dropped.
#include <cstdint>
#include <string_view>

#include "rules/verdict.hpp"

namespace jiaohe::rules::normalize {

enum class PhoneReason : std::uint8_t {
  kOk,
  kEmpty,        // nothing but white space
  kCharacter,    // a character that is neither a digit nor a separator
  kCountryCode,  // an international prefix other than +86 / 0086
  kLength,       // not 11 digits once the prefix is removed
  kPrefix,       // 11 digits, but not 1 followed by 3-9
};

using PhoneVerdict = Verdict<PhoneReason, 11>;

// The 11-digit number of `text`, or the reason it is not a mainland mobile number.
PhoneVerdict normalize_phone(std::string_view text);

std::string_view reason_code(PhoneReason reason);
std::string_view reason_message(PhoneReason reason);

}  // namespace jiaohe::rules::normalize
