#include "rules/normalize/update_instant.hpp"

#include <doctest/doctest.h>

#include "engine/calendar/local_time.hpp"

namespace norm = jiaohe::rules::normalize;
using norm::UpdateForm;

namespace {
std::chrono::sys_seconds at(const char* text) {
  return std::chrono::floor<std::chrono::seconds>(
      *jiaohe::engine::calendar::parse_instant(text, nullptr, jiaohe::engine::calendar::InstantForm::kTyped));
}
}  // namespace

TEST_CASE("update columns are read in their type's way") {
  CHECK(norm::parse_update_instant("2026-11-26 12:00:00+00", {UpdateForm::kTimestampTz, 480, ""}) ==
        at("2026-11-26T12:00:00Z"));
  CHECK(norm::parse_update_instant("2026-11-26 12:00:00.123456+00", {UpdateForm::kTimestampTz, 480, ""}) ==
        at("2026-11-26T12:00:00Z"));
  // Without a zone: local time of the dataset's zone, 8 hours ahead of UTC in Shanghai.
  CHECK(norm::parse_update_instant("2026-11-26 15:00:00", {UpdateForm::kTimestamp, 480, ""}) ==
        at("2026-11-26T07:00:00Z"));
  // A date: the end of that day in the zone.
  CHECK(norm::parse_update_instant("2026-11-26", {UpdateForm::kDate, 480, ""}) == at("2026-11-26T16:00:00Z"));
  CHECK(norm::parse_update_instant("20261126150000", {UpdateForm::kText, 480, "%Y%m%d%H%M%S"}) ==
        at("2026-11-26T07:00:00Z"));
  CHECK(norm::parse_update_instant("２０２６-11-26", {UpdateForm::kText, 0, "%Y-%m-%d"}) == at("2026-11-26T00:00:00Z"));
  for (const char* bad : {"yesterday", "2026-13-01 00:00:00", "2026-02-30 00:00:00", ""})
    CHECK_MESSAGE(!norm::parse_update_instant(bad, {UpdateForm::kTimestamp, 480, ""}), bad);
  CHECK(!norm::parse_update_instant("20261301000000", {UpdateForm::kText, 480, "%Y%m%d%H%M%S"}));
  CHECK(norm::parse_update_instant("infinity", {}) == std::chrono::sys_seconds::max());
}

TEST_CASE("formats and zones the catalogue may declare") {
  std::string error;
  CHECK(norm::valid_update_format("%Y%m%d%H%M%S", error));
  CHECK(!norm::valid_update_format("%Y-%m", error));
  CHECK(!norm::valid_update_format("%Y-%m-%d %Q", error));
  CHECK(error.find("%Q") != std::string::npos);
  CHECK(norm::zone_offset_minutes("Asia/Shanghai") == 480);
  CHECK(norm::zone_offset_minutes("UTC") == 0);
  CHECK(norm::zone_offset_minutes("-03:30") == -210);
  CHECK(!norm::zone_offset_minutes("Europe/Paris"));
}
