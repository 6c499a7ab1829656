#pragma once
// Deadline arithmetic over a WorkingCalendar. Pure functions: "now" is always a parameter.
//
// Pauses (clock stops) are defined on whole local days for day limits: every local date from the
// date a pause starts to the date it ends (inclusive) is not counted, just as the receipt day
// is not counted, so a pause of any length on a day removes that day. For hour limits the
// exact paused time is added. A pause still open means the deadline is unknown (nullopt).
#include <chrono>
#include <cstdint>
#include <optional>

#include "engine/calendar/working_calendar.hpp"
#include "engine/deadlines/deadline.hpp"
#include "engine/deadlines/deadline_basis.hpp"

namespace jiaohe::engine::deadlines {

// The deadline for `basis` on `calendar` (the extension applied, counted from the original
// receipt); nullopt while a pause is open. Throws engine::Error(kInvalidInput) for an invalid
// limit or extension.
std::optional<Deadline> compute_deadline(const calendar::WorkingCalendar& calendar, const DeadlineBasis& basis);

// Recomputes a stored deadline on the current calendar and records the calendar's version in
// `basis`: what loading a missing year's notice does for open tasks' provisional deadlines.
std::optional<Deadline> recompute_deadline(const calendar::WorkingCalendar& calendar, DeadlineBasis& basis);

// Whether a stored deadline may change on `calendar`: it was provisional and the calendar changed.
bool needs_recompute(const Deadline& stored, const calendar::WorkingCalendar& calendar);

// Working days after the local day of `from` up to and including the local day of `to`,
// counted like a period (so answering on the N-th working day after receipt gives N).
std::int64_t working_days_between(const calendar::WorkingCalendar& calendar, Instant from, Instant to);

// Time left until `deadline` at `now`; negative when overdue.
std::chrono::microseconds time_remaining(const Deadline& deadline, Instant now);

}  // namespace jiaohe::engine::deadlines
