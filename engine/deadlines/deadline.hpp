#pragma once
// A computed deadline and the calendar it came from.
#include <string>

#include "engine/clock.hpp"
#include "engine/deadlines/time_limit.hpp"

namespace jiaohe::engine::deadlines {

struct Deadline {
  Instant due;                   // day limits: 00:00 local of the day after the last day (= its 24:00)
  bool provisional = false;      // a day the period examined lies in a year without a notice
  std::string calendar_version;  // WorkingCalendar::version() it was computed with
  TimeLimit effective_limit;     // the limit after extension, as counted
  bool operator==(const Deadline&) const = default;
};

}  // namespace jiaohe::engine::deadlines
