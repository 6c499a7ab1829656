#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/citizen_id_facts.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe::rules::ids;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2024} / June / 1};
const CitizenIdOptions kOptions{kToday, false};
const CitizenIdOptions kLegacy{kToday, true};

CitizenIdReason reason_of(const std::string& text, const CitizenIdOptions& options = kOptions) {
  return validate_citizen_id(text, options).reason;
}

}  // namespace

TEST_CASE("the example of GB 11643 is valid") {
  // 110105 Beijing Chaoyang, born 1949-12-31, sequence 002 (even: female), check X.
  const auto v = validate_citizen_id("11010519491231002X", kOptions);
  REQUIRE(v.ok());
  CHECK(v.value() == "11010519491231002X");
  CHECK(citizen_id_check_character("11010519491231002") == 'X');
  CHECK(reason_code(v.reason) == "ok");
}

TEST_CASE("citizen ID input is folded before checking") {
  CHECK(validate_citizen_id("11010519491231002x", kOptions).value() == "11010519491231002X");
  CHECK(validate_citizen_id("  11010519491231002X\t", kOptions).value() == "11010519491231002X");
  // Full-width digits and a full-width lower-case x, surrounded by ideographic spaces.
  CHECK(validate_citizen_id("\u3000１１０１０５１９４９１２３１００２ｘ\u3000", kOptions).value() == "11010519491231002X");
  CHECK(validate_citizen_id("１１０１０５１９４９１２３１００２Ｘ", kOptions).value() == "11010519491231002X");
}

TEST_CASE("every citizen ID reason code is reachable") {
  CHECK(reason_of("") == CitizenIdReason::kLength);
  CHECK(reason_of("1101051949123100") == CitizenIdReason::kLength);
  CHECK(reason_of("11010519491231002X1") == CitizenIdReason::kLength);
  CHECK(reason_of("110105491231002") == CitizenIdReason::kLegacyForm);
  CHECK(reason_of("11010519491231002A") == CitizenIdReason::kCharacter);
  CHECK(reason_of("1101051949123100X2") == CitizenIdReason::kCharacter);
  CHECK(reason_of("1101 0519491231002") == CitizenIdReason::kCharacter);
  CHECK(reason_of("11010519491231002中") == CitizenIdReason::kCharacter);
  CHECK(reason_of("99010519491231002X") == CitizenIdReason::kRegion);
  CHECK(reason_of("00010519491231002X") == CitizenIdReason::kRegion);
  CHECK(reason_of("11010519491331002X") == CitizenIdReason::kBirthDateInvalid);
  CHECK(reason_of("11010519490230002X") == CitizenIdReason::kBirthDateInvalid);
  CHECK(reason_of("440524188001010014") == CitizenIdReason::kBirthDateBefore1900);  // GB 11643's own 1880 example
  CHECK(reason_of(make_citizen_id("330106", year{2024} / June / 2, 123)) == CitizenIdReason::kBirthDateFuture);
  CHECK(reason_of("110105194912310021") == CitizenIdReason::kCheckCharacter);
}

TEST_CASE("character reasons name the position") {
  const auto v = validate_citizen_id("1101A519491231002X", kOptions);
  CHECK(v.reason == CitizenIdReason::kCharacter);
  CHECK(v.position == 5);
  CHECK(v.value().empty());
}

TEST_CASE("reason codes are snake case and messages are sentences") {
  CHECK(reason_code(CitizenIdReason::kCheckCharacter) == "check_character");
  CHECK(reason_code(CitizenIdReason::kBirthDateBefore1900) == "birth_date_before_1900");
  CHECK(reason_code(CitizenIdReason::kBirthDateFuture) == "birth_date_future");
  CHECK(reason_code(CitizenIdReason::kBirthDateInvalid) == "birth_date_invalid");
  CHECK_FALSE(reason_message(CitizenIdReason::kRegion).empty());
}

TEST_CASE("leap days follow the Gregorian calendar") {
  CHECK(reason_of(make_citizen_id("330106", year{1900} / February / 29, 1)) == CitizenIdReason::kBirthDateInvalid);
  CHECK(reason_of(make_citizen_id("330106", year{2000} / February / 29, 1)) == CitizenIdReason::kOk);
  CHECK(reason_of(make_citizen_id("330106", year{2004} / February / 29, 1)) == CitizenIdReason::kOk);
  CHECK(reason_of(make_citizen_id("330106", year{2023} / February / 29, 1)) == CitizenIdReason::kBirthDateInvalid);
  CHECK(reason_of(make_citizen_id("330106", year{1900} / January / 1, 1)) == CitizenIdReason::kOk);
  CHECK(reason_of(make_citizen_id("330106", year{1899} / December / 31, 1)) == CitizenIdReason::kBirthDateBefore1900);
  CHECK(reason_of(make_citizen_id("330106", kToday, 1)) == CitizenIdReason::kOk);
}

TEST_CASE("the legacy 15 digit form is upgraded only when asked") {
  // 110105 491231 002 is the 15-digit form of 11010519491231002X.
  const auto v = validate_citizen_id("110105491231002", kLegacy);
  REQUIRE(v.ok());
  CHECK(v.value() == "11010519491231002X");
  CHECK(validate_citizen_id(" １１０１０５４９１２３１００２ ", kLegacy).value() == "11010519491231002X");
  CHECK(reason_of("110105491231002", kOptions) == CitizenIdReason::kLegacyForm);
  CHECK(reason_of("11010549123100X", kLegacy) == CitizenIdReason::kCharacter);
  CHECK(reason_of("110105491331002", kLegacy) == CitizenIdReason::kBirthDateInvalid);
  CHECK(reason_of("990105491231002", kLegacy) == CitizenIdReason::kRegion);
  // 18-digit numbers are still checked normally with the option on.
  CHECK(reason_of("110105194912310021", kLegacy) == CitizenIdReason::kCheckCharacter);
}

TEST_CASE("facts of a valid citizen ID") {
  const auto female = citizen_id_facts(validate_citizen_id("11010519491231002X", kOptions));
  REQUIRE(female.has_value());
  CHECK(female->birth_date == year{1949} / December / 31);
  CHECK(female->sex == Sex::kFemale);
  CHECK(female->province_code == 11);
  CHECK(female->region_code == 110105);
  const auto male = citizen_id_facts(validate_citizen_id(make_citizen_id("330106", year{1990} / March / 4, 123), kOptions));
  REQUIRE(male.has_value());
  CHECK(male->sex == Sex::kMale);
  CHECK(male->province_code == 33);
  CHECK(male->region_code == 330106);
  CHECK_FALSE(citizen_id_facts(validate_citizen_id("110105194912310021", kOptions)).has_value());
}
