#include <doctest/doctest.h>

#include "engine/log/log_time.hpp"

using jiaohe::engine::log::format_log_time;
using jiaohe::engine::log::parse_time_zone;
using std::chrono::minutes;

namespace {
std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int h, int min, int s, int ms) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + std::chrono::minutes{min} + seconds{s} + milliseconds{ms};
}
}  // namespace

TEST_CASE("log time zones: Asia/Shanghai, UTC and fixed offsets, other names refused") {
  CHECK(parse_time_zone("Asia/Shanghai") == minutes(480));
  CHECK(parse_time_zone("UTC") == minutes(0));
  CHECK(parse_time_zone("+05:30") == minutes(330));
  CHECK(parse_time_zone("-03:00") == minutes(-180));
  CHECK(parse_time_zone("+14:00") == minutes(840));
  for (const char* bad : {"Europe/Paris", "+8", "+08", "08:00", "+08:60", "+15:00", "", "+0a:00"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_time_zone(bad));
  }
}

TEST_CASE("a log timestamp is the local time at the offset, with milliseconds and the offset") {
  // 16:30:05.042 UTC on New Year's Eve is already New Year's Day in Shanghai.
  const auto t = utc(2026, 12, 31, 16, 30, 5, 42);
  CHECK(format_log_time(t, minutes(480)) == "2027-01-01T00:30:05.042+08:00");
  CHECK(format_log_time(t, minutes(0)) == "2026-12-31T16:30:05.042+00:00");
  CHECK(format_log_time(t, minutes(-210)) == "2026-12-31T13:00:05.042-03:30");
}
