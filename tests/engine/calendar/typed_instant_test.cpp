#include <doctest/doctest.h>

#include "engine/calendar/local_time.hpp"

using namespace std::chrono;

namespace {
// The typed forms of the one reading of an instant.
std::optional<jiaohe::engine::Instant> parse_instant(std::string_view text) {
  return jiaohe::engine::calendar::parse_instant(text, nullptr, jiaohe::engine::calendar::InstantForm::kTyped);
}
}  // namespace

TEST_CASE("instants without an offset are Asia/Shanghai") {
  const auto utc_midnight = sys_days{2026y / March / 1};
  CHECK(parse_instant("2026-03-01") == utc_midnight - hours(8));
  CHECK(parse_instant("2026-03-01T08:00") == utc_midnight);
  CHECK(parse_instant("2026-03-01 08:00:30") == utc_midnight + seconds(30));
  CHECK(parse_instant("2026-03-01T00:00Z") == utc_midnight);
  CHECK(parse_instant("2026-03-01T09:30+09:30") == utc_midnight);
}

TEST_CASE("malformed instants are refused") {
  for (const char* bad : {"", "2026-3-1", "2026-02-30", "2026-03-01T24:00", "2026-03-01T08", "2026-03-01Z",
                          "2026-03-01T08:00+8", "2026-03-01T08:00Zx", "yesterday"})
    CHECK_MESSAGE(!parse_instant(bad), bad);
}
