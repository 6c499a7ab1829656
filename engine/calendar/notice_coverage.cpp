#include "engine/calendar/notice_coverage.hpp"

#include <mutex>
#include <set>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/log/log.hpp"

namespace jiaohe::engine::calendar {
namespace {

// Logs the year unless this process already did.
void warn_once(int year, const char* effect) {
  static std::mutex mutex;
  static std::set<int> reported;
  {
    std::lock_guard lock(mutex);
    if (!reported.insert(year).second) return;
  }
  log::warn("calendar.year_missing",
            {{"year", year},
             {"effect", effect},
             {"fix", "add the State Council notice for the year to the calendars folder of data_dir and restart "
                     "(docs/DEADLINES.md); `jiaohe sweep --recompute` then settles provisional deadlines"}});
}

}  // namespace

std::optional<int> first_uncovered_year(const WorkingCalendar& calendar, LocalDay first, LocalDay last) {
  for (int y = year_of(first); y <= year_of(last); ++y)
    if (!calendar.is_covered(y)) return y;
  return std::nullopt;
}

void warn_missing_notices(const WorkingCalendar& calendar, Instant now) {
  for (int year : missing_years(calendar, local_day_of(now)))
    warn_once(year, "deadlines reaching into it will be provisional (weekdays minus the fixed holidays)");
}

void warn_provisional_deadline(const WorkingCalendar& calendar, Instant receipt, Instant due) {
  const auto year = first_uncovered_year(calendar, local_day_of(receipt), local_day_of(due));
  warn_once(year.value_or(year_of(local_day_of(due))),
            "a deadline reaching into it was counted provisionally (weekdays minus the fixed holidays)");
}

}  // namespace jiaohe::engine::calendar
