#include <doctest/doctest.h>

#include "engine/calendar/local_time.hpp"

using namespace jiaohe::engine::calendar;

TEST_CASE("instants with any offset convert to the same UTC instant") {
  const auto a = parse_instant("2026-09-30T16:00:00+08:00");
  const auto b = parse_instant("2026-09-30T08:00:00Z");
  const auto c = parse_instant("2026-09-30T03:00:00-05:00");
  REQUIRE(a);
  CHECK(a == b);
  CHECK(a == c);
  CHECK(format_instant(*a) == "2026-09-30T16:00:00+08:00");
  CHECK(format_instant(*parse_instant("2026-09-30T16:00:00.25Z")) == "2026-10-01T00:00:00.250000+08:00");
}

TEST_CASE("the local date is taken in China Standard Time") {
  CHECK(format_date(local_day_of(*parse_instant("2025-12-31T16:00:00Z"))) == "2026-01-01");
  CHECK(format_date(local_day_of(*parse_instant("2025-12-31T15:59:59Z"))) == "2025-12-31");
  CHECK(format_instant(start_of_local_day(*parse_date("2026-01-01"))) == "2026-01-01T00:00:00+08:00");
}

TEST_CASE("malformed instants say what was wrong") {
  std::string error;
  CHECK_FALSE(parse_instant("2026-09-30T16:00:00", &error));
  CHECK(error.find("no UTC offset") != std::string::npos);
  CHECK_FALSE(parse_instant("2026-02-30T16:00:00Z", &error));
  CHECK(error.find("valid date") != std::string::npos);
  CHECK_FALSE(parse_instant("2026-09-30 16:00:00Z", &error));
  CHECK(error.find("THH:MM:SS") != std::string::npos);
  CHECK_FALSE(parse_instant("2026-09-30T25:00:00Z", &error));
  CHECK(error.find("out-of-range") != std::string::npos);
  CHECK_FALSE(parse_instant("2026-09-30T16:00:00+8", &error));
  CHECK(error.find("malformed UTC offset") != std::string::npos);
}
