// Cron expressions: the grammar, the errors, and fire times in Asia/Shanghai.
#include <doctest/doctest.h>

#include "engine/calendar/cron_expression.hpp"
#include "engine/calendar/local_time.hpp"

using namespace jiaohe::engine::calendar;
using jiaohe::engine::Instant;

namespace {

Instant at(const char* text) { return *parse_instant(text); }

std::string next(const char* cron, const char* after) {
  return format_instant(CronExpression::parse(cron).next_after(at(after)));
}
std::string latest(const char* cron, const char* until) {
  return format_instant(CronExpression::parse(cron).latest_at_or_before(at(until)));
}

std::string error_of(const char* cron) {
  try {
    CronExpression::parse(cron);
  } catch (const CronError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the default nightly schedule fires at 02:00 China Standard Time") {
  CHECK(next("0 2 * * *", "2026-11-27T08:00:00+08:00") == "2026-11-28T02:00:00+08:00");
  CHECK(next("0 2 * * *", "2026-11-27T01:59:59+08:00") == "2026-11-27T02:00:00+08:00");
  // 17:59 UTC is 01:59 in Shanghai: 02:00 there is 18:00 UTC of the day before.
  CHECK(next("0 2 * * *", "2026-11-27T17:59:00Z") == "2026-11-28T02:00:00+08:00");
  CHECK(latest("0 2 * * *", "2026-11-27T08:00:00+08:00") == "2026-11-27T02:00:00+08:00");
  CHECK(latest("0 2 * * *", "2026-11-27T01:59:59+08:00") == "2026-11-26T02:00:00+08:00");
}

TEST_CASE("next_after is strictly after and latest_at_or_before includes the instant") {
  CHECK(next("0 2 * * *", "2026-11-27T02:00:00+08:00") == "2026-11-28T02:00:00+08:00");
  CHECK(latest("0 2 * * *", "2026-11-27T02:00:00+08:00") == "2026-11-27T02:00:00+08:00");
  CHECK(latest("0 2 * * *", "2026-11-27T02:00:59.999999+08:00") == "2026-11-27T02:00:00+08:00");
  CHECK(next("* * * * *", "2026-11-27T02:00:30+08:00") == "2026-11-27T02:01:00+08:00");
}

TEST_CASE("lists ranges and steps select the right minutes and hours") {
  CHECK(next("*/15 * * * *", "2026-11-27T10:16:00+08:00") == "2026-11-27T10:30:00+08:00");
  CHECK(next("5,35 9-17/4 * * *", "2026-11-27T09:06:00+08:00") == "2026-11-27T09:35:00+08:00");
  CHECK(next("5,35 9-17/4 * * *", "2026-11-27T09:36:00+08:00") == "2026-11-27T13:05:00+08:00");
  CHECK(next("5,35 9-17/4 * * *", "2026-11-27T17:36:00+08:00") == "2026-11-28T09:05:00+08:00");
  CHECK(next("30 22/1 * * *", "2026-11-27T23:31:00+08:00") == "2026-11-28T22:30:00+08:00");
  CHECK(latest("0 */6 * * *", "2026-11-27T05:59:00+08:00") == "2026-11-27T00:00:00+08:00");
}

TEST_CASE("weekday and month names and Sunday as 0 or 7") {
  // 2026-11-27 is a Friday.
  CHECK(next("0 2 * * sun", "2026-11-27T08:00:00+08:00") == "2026-11-29T02:00:00+08:00");
  CHECK(next("0 2 * * 7", "2026-11-27T08:00:00+08:00") == "2026-11-29T02:00:00+08:00");
  CHECK(next("0 2 * * 0", "2026-11-27T08:00:00+08:00") == "2026-11-29T02:00:00+08:00");
  CHECK(next("0 2 * * MON-FRI", "2026-11-27T08:00:00+08:00") == "2026-11-30T02:00:00+08:00");
  CHECK(next("0 0 1 jan,Jul *", "2026-11-27T08:00:00+08:00") == "2027-01-01T00:00:00+08:00");
  CHECK(latest("0 2 * * SUN", "2026-11-27T08:00:00+08:00") == "2026-11-22T02:00:00+08:00");
}

TEST_CASE("a restricted day of month and weekday match either as in Vixie cron") {
  // The 1st of the month or any Monday.
  CHECK(next("0 0 1 * MON", "2026-11-27T08:00:00+08:00") == "2026-11-30T00:00:00+08:00");
  CHECK(next("0 0 1 * MON", "2026-11-30T08:00:00+08:00") == "2026-12-01T00:00:00+08:00");
  // A day-of-month starting with a star makes both necessary: the 1st, 14th or 27th on a Friday.
  CHECK(next("0 0 */13 * FRI", "2026-01-01T00:00:00+08:00") == "2026-02-27T00:00:00+08:00");
  CHECK(next("0 0 */13 * *", "2026-11-14T00:00:00+08:00") == "2026-11-27T00:00:00+08:00");
}

TEST_CASE("the 29th of February is found years ahead and behind") {
  CHECK(next("0 0 29 2 *", "2026-11-27T08:00:00+08:00") == "2028-02-29T00:00:00+08:00");
  CHECK(latest("0 0 29 2 *", "2026-11-27T08:00:00+08:00") == "2024-02-29T00:00:00+08:00");
  CHECK(next("0 0 31 * *", "2026-11-27T08:00:00+08:00") == "2026-12-31T00:00:00+08:00");
}

TEST_CASE("errors name the field and what is wrong") {
  CHECK(error_of("0 2 * *") == "cron \"0 2 * *\": expected 5 fields (minute hour day-of-month month day-of-week), got 4");
  CHECK(error_of("0 25 * * *") == "cron \"0 25 * * *\": hour: 25 is outside 0-23");
  CHECK(error_of("60 2 * * *") == "cron \"60 2 * * *\": minute: 60 is outside 0-59");
  CHECK(error_of("0 2 0 * *") == "cron \"0 2 0 * *\": day-of-month: 0 is outside 1-31");
  CHECK(error_of("0 2 * 13 *") == "cron \"0 2 * 13 *\": month: 13 is outside 1-12");
  CHECK(error_of("0 2 * * 8") == "cron \"0 2 * * 8\": day-of-week: 8 is outside 0-7");
  CHECK(error_of("0 2 * * FUN") == "cron \"0 2 * * FUN\": day-of-week: \"FUN\" is not a number or a name like MON");
  CHECK(error_of("x 2 * * *") == "cron \"x 2 * * *\": minute: \"x\" is not a number");
  CHECK(error_of("0 5-2 * * *") ==
        "cron \"0 5-2 * * *\": hour: range 5-2 runs backwards (write the smaller value first)");
  CHECK(error_of("*/0 2 * * *") == "cron \"*/0 2 * * *\": minute: step must be at least 1, got 0");
  CHECK(error_of("*/x 2 * * *") == "cron \"*/x 2 * * *\": minute: step \"x\" is not a number");
  CHECK(error_of("1,,2 2 * * *") == "cron \"1,,2 2 * * *\": minute: empty item in the list");
  CHECK(error_of("0 2- * * *") == "cron \"0 2- * * *\": hour: a range needs a value on both sides of '-'");
  CHECK(error_of("0 0 30 2 *") ==
        "cron \"0 0 30 2 *\": day-of-month: none of the chosen days occurs in the chosen months");
  CHECK(error_of("0 0 30 2 MON") == "no error");  // Mondays in February do occur
}
