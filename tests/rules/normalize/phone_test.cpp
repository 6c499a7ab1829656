#include <doctest/doctest.h>

#include <string>

#include "rules/normalize/phone.hpp"

using namespace jiaohe::rules::normalize;

namespace {
std::string digits(const std::string& text) { return std::string(normalize_phone(text).value()); }
PhoneReason reason_of(const std::string& text) { return normalize_phone(text).reason; }
}  // namespace

TEST_CASE("mobile numbers in common forms become 11 digits") {
  CHECK(digits("13800138000") == "13800138000");
  CHECK(digits("+86 138 0013 8000") == "13800138000");
  CHECK(digits("+86-138-0013-8000") == "13800138000");
  CHECK(digits("0086 13800138000") == "13800138000");
  CHECK(digits("8613800138000") == "13800138000");
  CHECK(digits("(+86) 199 1234 5678") == "19912345678");
  CHECK(digits("１３８ ００１３ ８０００") == "13800138000");
  CHECK(digits("＋８６\u3000１３８００１３８０００") == "13800138000");
  CHECK(digits(" 138.0013.8000 ") == "13800138000");
}

TEST_CASE("every phone reason code is reachable") {
  CHECK(reason_of("") == PhoneReason::kEmpty);
  CHECK(reason_of(" - ") == PhoneReason::kEmpty);
  CHECK(reason_of("138x0013800") == PhoneReason::kCharacter);
  CHECK(normalize_phone("138x0013800").position == 4);
  CHECK(reason_of("138+00138000") == PhoneReason::kCharacter);
  CHECK(reason_of("+1 415 555 0100") == PhoneReason::kCountryCode);
  CHECK(reason_of("00852 9123 4567") == PhoneReason::kCountryCode);
  CHECK(reason_of("1380013800") == PhoneReason::kLength);
  CHECK(reason_of("+86 1380013800") == PhoneReason::kLength);
  CHECK(reason_of("0571-87654321") == PhoneReason::kLength);  // a landline is not a mobile
  CHECK(reason_of("12800138000") == PhoneReason::kPrefix);
  CHECK(reason_of("23800138000") == PhoneReason::kPrefix);
  CHECK(reason_of("1234567890123456789") == PhoneReason::kLength);
  CHECK(reason_code(PhoneReason::kCountryCode) == "country_code");
  CHECK_FALSE(reason_message(PhoneReason::kPrefix).empty());
}
