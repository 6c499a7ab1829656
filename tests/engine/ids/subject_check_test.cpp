#include <doctest/doctest.h>

#include <chrono>

#include "engine/error.hpp"
#include "engine/ids/subject_check.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe;
using namespace std::chrono;

namespace {

// 2026-11-27 16:30 UTC is already 2026-11-28 00:30 in Shanghai.
const engine::Instant kShanghaiSaturday{sys_days(2026y / November / 27).time_since_epoch() + hours(16) + minutes(30)};

}  // namespace

TEST_CASE("a subject born today in Shanghai is valid although it is still yesterday in UTC") {
  const auto born_today = rules::ids::make_citizen_id("330106", 2026y / November / 28, 11);
  CHECK(engine::ids::check_subject(born_today, kShanghaiSaturday).valid);
  const auto born_tomorrow = rules::ids::make_citizen_id("330106", 2026y / November / 29, 11);
  const auto refused = engine::ids::check_subject(born_tomorrow, kShanghaiSaturday);
  CHECK_FALSE(refused.valid);
  CHECK(refused.reason_code == "birth_date_future");
}

TEST_CASE("validated_subject normalises or names what is invalid without the number") {
  auto id = rules::ids::make_citizen_id("110105", 1949y / December / 31, 2);
  const auto expected = id;
  if (id.back() == 'X') id.back() = 'x';
  CHECK(engine::ids::validated_subject(" " + id + " ", kShanghaiSaturday, "the subject") == expected);
  const std::string wrong = "110105194912310021";
  try {
    engine::ids::validated_subject(wrong, kShanghaiSaturday, "the subject");
    FAIL("an invalid identifier was accepted");
  } catch (const engine::Error& e) {
    const std::string what = e.what();
    CHECK(what.find("the subject is not a valid") == 0);
    CHECK(what.find(wrong) == std::string::npos);
  }
}
