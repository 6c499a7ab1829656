#include <doctest/doctest.h>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/calendar/naive_walk.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine::calendar;

namespace {

const WorkingCalendar& shipped() {
  static const WorkingCalendar cal = load_calendar(jiaohe::testing::source_dir() + "/data/calendars");
  return cal;
}

LocalDay day(const char* text) { return *parse_date(text); }

std::int64_t working_days_in_year(int y) {
  return shipped().working_days_in(day((std::to_string(y) + "-01-01").c_str()),
                                   day((std::to_string(y) + "-12-31").c_str()));
}

}  // namespace

TEST_CASE("the shipped notices give 248 working days in 2025 and in 2026") {
  CHECK(working_days_in_year(2025) == 248);
  CHECK(working_days_in_year(2026) == 248);
  CHECK(shipped().is_covered(2024));
  CHECK(shipped().is_covered(2025));
  CHECK(shipped().is_covered(2026));
  CHECK_FALSE(shipped().is_covered(2027));
}

TEST_CASE("make-up weekend days are working days and holiday weekdays are not") {
  const auto& cal = shipped();
  CHECK(cal.is_working_day(day("2025-09-28")));   // Sunday made a working day
  CHECK(cal.is_working_day(day("2025-10-11")));   // Saturday made a working day
  CHECK(cal.is_working_day(day("2026-02-14")));
  CHECK(cal.is_working_day(day("2026-02-28")));
  CHECK(cal.is_working_day(day("2026-01-04")));
  CHECK(cal.is_working_day(day("2024-02-18")));
  CHECK_FALSE(cal.is_working_day(day("2025-10-08")));  // Wednesday inside National Day
  CHECK_FALSE(cal.is_working_day(day("2026-02-23")));  // Monday inside Spring Festival
  CHECK_FALSE(cal.is_working_day(day("2026-05-04")));
  CHECK_FALSE(cal.is_working_day(day("2025-10-04")));  // an ordinary Saturday
  CHECK(cal.is_working_day(day("2025-10-09")));
}

TEST_CASE("next working day jumps over holiday blocks") {
  const auto& cal = shipped();
  CHECK(cal.next_working_day(day("2025-09-30")) == day("2025-10-09"));
  CHECK(cal.next_working_day(day("2026-02-14")) == day("2026-02-24"));
  CHECK(cal.next_working_day(day("2025-12-31")) == day("2026-01-04"));
  CHECK(cal.nth_working_day_before(day("2025-10-09"), 1) == day("2025-09-30"));
  CHECK(cal.nth_working_day_before(day("2026-02-24"), 2) == day("2026-02-13"));
}

TEST_CASE("a year without a notice falls back to weekdays minus the fixed holidays") {
  const auto& cal = shipped();
  CHECK_FALSE(cal.is_working_day(day("2027-01-01")));  // Friday, fixed by the regulation
  CHECK(cal.is_working_day(day("2027-05-03")));        // Monday; only 1-2 May are fixed
  CHECK_FALSE(cal.is_working_day(day("2027-10-01")));
  CHECK(cal.is_working_day(day("2027-10-04")));
  CHECK(cal.is_working_day(day("2023-05-02")));  // before 2025 only 1 May was fixed
  CHECK_FALSE(cal.is_working_day(day("2023-05-01")));
}

TEST_CASE("missing years reports the current and next year without a notice") {
  CHECK(missing_years(shipped(), day("2025-06-01")).empty());
  CHECK(missing_years(shipped(), day("2026-06-01")) == std::vector<int>{2027});
  CHECK(missing_years(shipped(), day("2028-06-01")) == std::vector<int>{2028, 2029});
}

TEST_CASE("working day queries agree with a day-by-day walk for every day of 2024 to 2026 and N up to 20") {
  const auto& cal = shipped();
  const NaiveCalendar naive(cal);
  std::size_t checked = 0;
  for (LocalDay d = day("2024-01-01"); d <= day("2026-12-31"); d += std::chrono::days{1}) {
    for (int n = 1; n <= 20; ++n) {
      const LocalDay due = cal.nth_working_day_after(d, n);
      REQUIRE(due == naive.nth_working_day_after(d, n));
      REQUIRE(cal.is_working_day(due));
      // Exactly n working days follow the receipt day up to the due day, and the days skipped
      // after the (n-1)-th are rest days.
      REQUIRE(cal.working_days_in(d + std::chrono::days{1}, due) == n);
      const LocalDay prev = n == 1 ? d : cal.nth_working_day_after(d, n - 1);
      for (LocalDay s = prev + std::chrono::days{1}; s < due; s += std::chrono::days{1})
        REQUIRE_FALSE(cal.is_working_day(s));
      ++checked;
    }
  }
  CHECK(checked == 1096 * 20);
}
