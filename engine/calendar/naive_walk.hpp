#pragma once
// The obvious day-by-day walk over a calendar's working days: the reference that tests compare
// the prefix-count arithmetic against, and the baseline bench/deadlines.cpp measures it
// against. Not for production use: it is linear in the length of the period.
#include <cstdint>

#include "engine/calendar/working_calendar.hpp"

namespace jiaohe::engine::calendar {

class NaiveCalendar {
 public:
  explicit NaiveCalendar(const WorkingCalendar& calendar) : calendar_(calendar) {}

  // The n-th working day strictly after `day`, found by stepping one day at a time and asking
  // only is_working_day (no prefix counts).
  LocalDay nth_working_day_after(LocalDay day, std::int64_t n) const {
    while (n > 0) {
      day += std::chrono::days{1};
      if (calendar_.is_working_day(day)) --n;
    }
    return day;
  }

 private:
  const WorkingCalendar& calendar_;
};

}  // namespace jiaohe::engine::calendar
