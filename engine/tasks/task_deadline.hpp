#pragma once
// A task's deadline, reminder and next sweeper instant from its DeadlineBasis, the statute
// profile and the calendar (the arithmetic itself is engine/deadlines; nothing is re-done here).
#include <optional>

#include "engine/calendar/working_calendar.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/tasks/task.hpp"

namespace jiaohe::engine::tasks {

struct TaskDeadline {
  deadlines::DeadlineBasis basis;
  std::optional<Instant> due;  // nullopt while a pause is open
  bool provisional = false;
  std::optional<Instant> reminder;  // nullopt when the profile has none or it would precede receipt
};

// The deadline of a new `kind` task received at `receipt`: the profile's limit, or `limit`
// when the authority set one (a rule's deadline for verify_finding).
TaskDeadline plan_deadline(const statute::StatuteProfile& profile, const calendar::WorkingCalendar& calendar,
                           TaskKind kind, Instant receipt, const std::optional<deadlines::TimeLimit>& limit = {});

// The deadline of an existing basis (after an extension, or on a new calendar).
TaskDeadline replan_deadline(const statute::StatuteProfile& profile, const calendar::WorkingCalendar& calendar,
                             deadlines::DeadlineBasis basis);

// Puts `deadline` into `task`; a moved due instant starts a new deadline version, whose
// reminder and overdue mark are due again.
void apply_deadline(Task& task, const TaskDeadline& deadline);

// When the sweeper must next look at the task: its reminder if not yet sent, else its due
// instant if not yet marked overdue; nullopt when nothing is left (or the task is final).
std::optional<Instant> next_fire_at(const Task& task);

}  // namespace jiaohe::engine::tasks
