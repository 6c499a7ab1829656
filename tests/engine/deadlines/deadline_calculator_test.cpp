#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/calendar/naive_walk.hpp"
#include "engine/deadlines/deadline_calculator.hpp"
#include "engine/error.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine;
using namespace jiaohe::engine::deadlines;
using calendar::format_instant;
using calendar::LocalDay;

namespace {

const calendar::WorkingCalendar& shipped() {
  static const auto cal = calendar::load_calendar(jiaohe::testing::source_dir() + "/data/calendars");
  return cal;
}

Instant at(const char* text) { return *calendar::parse_instant(text); }

DeadlineBasis basis(const char* receipt, std::int64_t amount, TimeUnit unit) {
  DeadlineBasis b;
  b.receipt = at(receipt);
  b.limit = {amount, unit};
  return b;
}

std::string due(const DeadlineBasis& b, const calendar::WorkingCalendar& cal = shipped()) {
  auto d = compute_deadline(cal, b);
  REQUIRE(d);
  return format_instant(d->due) + (d->provisional ? " provisional" : "");
}

std::string working(const char* receipt, std::int64_t n) { return due(basis(receipt, n, TimeUnit::kWorkingDays)); }
std::string natural(const char* receipt, std::int64_t n) { return due(basis(receipt, n, TimeUnit::kNaturalDays)); }

}  // namespace

TEST_CASE("the worked examples of holidays-cn.md") {
  CHECK(working("2025-09-26T10:00:00+08:00", 2) == "2025-09-30T00:00:00+08:00");
  CHECK(working("2025-09-26T10:00:00+08:00", 5) == "2025-10-11T00:00:00+08:00");
  CHECK(working("2026-02-13T10:00:00+08:00", 2) == "2026-02-25T00:00:00+08:00");
  CHECK(working("2026-02-13T10:00:00+08:00", 10) == "2026-03-06T00:00:00+08:00");
  CHECK(working("2025-12-31T10:00:00+08:00", 2) == "2026-01-06T00:00:00+08:00");
}

TEST_CASE("working days around Spring Festival Labour Day and National Day") {
  CHECK(working("2025-01-24T09:00:00+08:00", 3) == "2025-02-06T00:00:00+08:00");  // 01-26 (Sun) counts
  CHECK(working("2025-04-25T09:00:00+08:00", 2) == "2025-04-29T00:00:00+08:00");  // 04-27 (Sun) counts
  CHECK(working("2025-04-25T09:00:00+08:00", 5) == "2025-05-07T00:00:00+08:00");
  CHECK(working("2026-04-30T09:00:00+08:00", 4) == "2026-05-10T00:00:00+08:00");  // 05-09 (Sat) counts
  CHECK(working("2026-09-30T16:00:00+08:00", 5) == "2026-10-14T00:00:00+08:00");  // 10-10 (Sat) counts
  CHECK(working("2026-09-18T09:00:00+08:00", 1) == "2026-09-21T00:00:00+08:00");  // 09-20 (Sun) counts
  CHECK(working("2024-02-08T09:00:00+08:00", 2) == "2024-02-19T00:00:00+08:00");  // 02-09, then 02-18 (Sun)
}

TEST_CASE("receipt on a holiday or a make-up Saturday is not counted") {
  CHECK(working("2025-10-03T11:00:00+08:00", 5) == "2025-10-15T00:00:00+08:00");
  CHECK(working("2026-02-28T11:00:00+08:00", 2) == "2026-03-04T00:00:00+08:00");
}

TEST_CASE("receipt at 23:59 and at 00:00 local time") {
  CHECK(working("2025-09-25T23:59:00+08:00", 2) == "2025-09-29T00:00:00+08:00");
  CHECK(working("2025-09-26T00:00:00+08:00", 2) == "2025-09-30T00:00:00+08:00");
  // The same instant written in UTC: 15:59Z is 23:59 local on the same date, 16:00Z the next day.
  CHECK(working("2025-09-25T15:59:00Z", 2) == "2025-09-29T00:00:00+08:00");
  CHECK(working("2025-09-25T16:00:00Z", 2) == "2025-09-30T00:00:00+08:00");
}

TEST_CASE("extension from 5 to 10 working days counts 10 from the receipt") {
  auto b = basis("2025-09-26T10:00:00+08:00", 5, TimeUnit::kWorkingDays);
  b.extension = Extension{ExtensionForm::kTo, 10, 0};
  CHECK(due(b) == "2025-10-17T00:00:00+08:00");
  b.extension = Extension{ExtensionForm::kBy, 5, 0};
  CHECK(due(b) == "2025-10-17T00:00:00+08:00");
  b.extension = Extension{ExtensionForm::kAtMost, 5, 20};
  CHECK(due(b) == "2025-10-17T00:00:00+08:00");
}

TEST_CASE("invalid extensions are refused with the reason") {
  auto b = basis("2025-09-26T10:00:00+08:00", 5, TimeUnit::kWorkingDays);
  b.extension = Extension{ExtensionForm::kAtMost, 25, 20};
  CHECK_THROWS_WITH_AS(compute_deadline(shipped(), b), doctest::Contains("exceeds the maximum of 20"), Error);
  b.extension = Extension{ExtensionForm::kTo, 4, 0};
  CHECK_THROWS_WITH_AS(compute_deadline(shipped(), b), doctest::Contains("must exceed the limit of 5"), Error);
}

TEST_CASE("natural-day periods ending on a rest day move to the next working day") {
  CHECK(natural("2025-09-24T10:00:00+08:00", 7) == "2025-10-10T00:00:00+08:00");  // ends 10-01, a holiday
  CHECK(natural("2025-06-27T10:00:00+08:00", 1) == "2025-07-01T00:00:00+08:00");  // ends on a Saturday
  CHECK(natural("2025-10-10T10:00:00+08:00", 1) == "2025-10-12T00:00:00+08:00");  // make-up Saturday works
  CHECK(natural("2025-09-22T10:00:00+08:00", 3) == "2025-09-26T00:00:00+08:00");
}

TEST_CASE("hours and immediately are exact") {
  CHECK(due(basis("2025-10-01T10:30:00+08:00", 24, TimeUnit::kImmediately)) == "2025-10-02T10:30:00+08:00");
  CHECK(due(basis("2025-10-01T10:30:00+08:00", 36, TimeUnit::kHours)) == "2025-10-02T22:30:00+08:00");
}

TEST_CASE("a year without a notice gives provisional deadlines") {
  CHECK(working("2026-12-30T10:00:00+08:00", 1) == "2027-01-01T00:00:00+08:00");
  CHECK(working("2026-12-30T10:00:00+08:00", 5) == "2027-01-08T00:00:00+08:00 provisional");  // skips 01-01
  CHECK(working("2023-06-01T10:00:00+08:00", 1) == "2023-06-03T00:00:00+08:00 provisional");
  CHECK(natural("2027-04-28T10:00:00+08:00", 3) == "2027-05-04T00:00:00+08:00 provisional");  // 1 May fixed
}

TEST_CASE("loading the missing year recomputes a provisional deadline") {
  namespace fs = std::filesystem;
  const fs::path dir = jiaohe::testing::make_temp_dir("calendar-2027");
  for (const auto& e : fs::directory_iterator(fs::path(jiaohe::testing::source_dir()) / "data/calendars"))
    fs::copy_file(e.path(), dir / e.path().filename());
  auto b = basis("2026-12-30T10:00:00+08:00", 5, TimeUnit::kWorkingDays);
  const auto before = compute_deadline(shipped(), b);
  REQUIRE(before);
  CHECK(before->provisional);
  // A made-up 2027 notice closing 4-5 Jan as well.
  std::ofstream(dir / "2027.json") << R"({"title": "t", "number": "n", "published": "2026-11-01", "years": [2027],
    "holidays": [{"name": "x", "rest_days": ["2027-01-01/2027-01-05", "2027-05-01/2027-05-02", "2027-10-01/2027-10-03"]}]})";
  const auto updated = calendar::load_calendar(dir);
  CHECK(needs_recompute(*before, updated));
  const auto after = recompute_deadline(updated, b);
  REQUIRE(after);
  CHECK_FALSE(after->provisional);
  CHECK(format_instant(after->due) == "2027-01-12T00:00:00+08:00");
  CHECK(b.calendar_version == updated.version());
  CHECK_FALSE(needs_recompute(*after, updated));
}

TEST_CASE("paused days are not counted and an open pause leaves the deadline unknown") {
  auto b = basis("2025-09-26T10:00:00+08:00", 5, TimeUnit::kWorkingDays);
  b.pauses.push_back({at("2025-09-29T15:00:00+08:00"), at("2025-09-30T09:00:00+08:00")});
  // 09-28 counts, 09-29 and 09-30 are paused, then 10-09, 10-10, 10-11, 10-13.
  CHECK(due(b) == "2025-10-14T00:00:00+08:00");
  b.pauses.push_back({at("2025-10-13T08:00:00+08:00"), std::nullopt});
  CHECK_FALSE(compute_deadline(shipped(), b));

  auto h = basis("2025-10-01T10:00:00+08:00", 24, TimeUnit::kHours);
  h.pauses.push_back({at("2025-10-01T11:00:00+08:00"), at("2025-10-01T13:00:00+08:00")});
  CHECK(due(h) == "2025-10-02T12:00:00+08:00");

  auto n = basis("2025-09-22T10:00:00+08:00", 3, TimeUnit::kNaturalDays);
  n.pauses.push_back({at("2025-09-23T10:00:00+08:00"), at("2025-09-23T11:00:00+08:00")});
  CHECK(due(n) == "2025-09-27T00:00:00+08:00");  // 09-24, 25, 26
}

TEST_CASE("the same inputs give the same deadline after a JSON round trip") {
  auto b = basis("2025-09-26T10:00:00+08:00", 5, TimeUnit::kWorkingDays);
  b.extension = Extension{ExtensionForm::kAtMost, 3, 20};
  b.pauses.push_back({at("2025-09-29T15:00:00+08:00"), at("2025-09-30T09:00:00+08:00")});
  b.pauses.push_back({at("2025-10-13T08:00:00+08:00"), std::nullopt});
  b.calendar_version = shipped().version();
  b.profile_id = "zhejiang-2022";
  b.profile_version = "1";
  b.procedure = "verify_dispute";
  const auto doc = to_json(b);
  CHECK(doc["receipt"] == "2025-09-26T10:00:00+08:00");
  CHECK(basis_from_json(nlohmann::json::parse(doc.dump())) == b);
  CHECK_THROWS_WITH_AS(basis_from_json(nlohmann::json::parse(R"({"receipt": "x", "limit": {"amount": 1, "unit": "hours"}})")),
                       doctest::Contains("\"receipt\""), Error);
}

TEST_CASE("working days between instants and time remaining") {
  CHECK(working_days_between(shipped(), at("2025-09-26T10:00:00+08:00"), at("2025-10-10T09:00:00+08:00")) == 5);
  CHECK(working_days_between(shipped(), at("2025-09-26T10:00:00+08:00"), at("2025-09-26T18:00:00+08:00")) == 0);
  const auto d = compute_deadline(shipped(), basis("2025-09-26T10:00:00+08:00", 2, TimeUnit::kWorkingDays));
  CHECK(time_remaining(*d, at("2025-09-29T23:00:00+08:00")) == std::chrono::hours{1});
  CHECK(time_remaining(*d, at("2025-09-30T01:00:00+08:00")) == -std::chrono::hours{1});
}

TEST_CASE("every receipt day of 2024 to 2026 and N from 1 to 20 matches a day-by-day walk") {
  const auto& cal = shipped();
  const calendar::NaiveCalendar naive(cal);
  for (LocalDay d = *calendar::parse_date("2024-01-01"); d <= *calendar::parse_date("2026-12-31");
       d += std::chrono::days{1}) {
    for (int n = 1; n <= 20; ++n) {
      const auto result = compute_deadline(cal, basis(format_instant(calendar::start_of_local_day(d) +
                                                                     std::chrono::hours{13}).c_str(),
                                                      n, TimeUnit::kWorkingDays));
      REQUIRE(result);
      const LocalDay last = calendar::local_day_of(result->due) - std::chrono::days{1};
      REQUIRE(result->due == calendar::start_of_local_day(last + std::chrono::days{1}));
      REQUIRE(cal.is_working_day(last));
      REQUIRE(last == naive.nth_working_day_after(d, n));
      std::int64_t counted = 0;
      for (LocalDay s = d + std::chrono::days{1}; s <= last; s += std::chrono::days{1}) counted += cal.is_working_day(s);
      REQUIRE(counted == n);
    }
  }
}
