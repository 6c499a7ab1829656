#pragma once
// Telling the operator that a State Council holiday notice is missing, where it matters: when
// `serve` starts (this year or the next has no notice: the next year's usually appears in
// November) and when a task's deadline is computed as provisional because its period reaches
// such a year. Not on every command: most never count a deadline. Each year is reported once
// per process, as the log event calendar.year_missing with what it does and how to fix it.
#include <optional>

#include "engine/calendar/local_time.hpp"
#include "engine/calendar/working_calendar.hpp"

namespace jiaohe::engine::calendar {

// The first year from `first` to `last` (inclusive) that no notice covers.
std::optional<int> first_uncovered_year(const WorkingCalendar& calendar, LocalDay first, LocalDay last);

// At a long-running process's start: this year and the next.
void warn_missing_notices(const WorkingCalendar& calendar, Instant now);

// After a deadline from `receipt` to `due` came out provisional.
void warn_provisional_deadline(const WorkingCalendar& calendar, Instant receipt, Instant due);

}  // namespace jiaohe::engine::calendar
