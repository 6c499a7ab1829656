#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <string>

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

// The written form, from its definition: printf's "%04d-%02u-%02uT%02d:%02d:%02d[.%06d]+08:00"
// of the Shanghai wall time (the formatter itself writes the digits by hand).
TEST_CASE("instants and days are written as printf would write them, microseconds only when there are some") {
  using namespace std::chrono;
  using jiaohe::engine::Instant;
  const auto reference = [](Instant t) {
    const auto local = t + hours(8);
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const auto in_day = duration_cast<microseconds>(local - day).count();
    char buf[64];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                static_cast<long long>(in_day / 3'600'000'000LL), static_cast<long long>(in_day / 60'000'000 % 60),
                                static_cast<long long>(in_day / 1'000'000 % 60));
    std::string text(buf, static_cast<std::size_t>(n));
    if (in_day % 1'000'000 != 0) {
      std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(in_day % 1'000'000));
      text += buf;
    }
    return text + "+08:00";
  };
  // A fixed walk over two centuries with odd steps, so that every field takes many values.
  Instant t = *parse_instant("1900-01-01T00:00:00Z");
  const Instant end = *parse_instant("2100-01-01T00:00:00Z");
  int checked = 0;
  for (long long step = 0; t < end; ++step) {
    CHECK(format_instant(t) == reference(t));
    t += microseconds(86'400'000'000LL * 17 + 3'599'999'999LL + (step % 7 == 0 ? 0 : step * 1'000'003));
    ++checked;
  }
  CHECK(checked > 4000);
  CHECK(format_instant(*parse_instant("2026-12-31T15:59:59.999999Z")) == "2026-12-31T23:59:59.999999+08:00");
  CHECK(format_instant(*parse_instant("2026-12-31T16:00:00Z")) == "2027-01-01T00:00:00+08:00");
  CHECK(format_date(LocalDay(year(9999) / 12 / 31)) == "9999-12-31");
  CHECK(format_date(LocalDay(year(10000) / 1 / 1)) == "10000-01-01");
  CHECK(format_date(LocalDay(year(-1) / 1 / 1)) == "-001-01-01");
  CHECK(format_date(LocalDay(year(7) / 3 / 9)) == "0007-03-09");
}
