#include "engine/tasks/task_deadline.hpp"

#include "engine/calendar/notice_coverage.hpp"
#include "engine/deadlines/deadline_calculator.hpp"

namespace jiaohe::engine::tasks {

TaskDeadline plan_deadline(const statute::StatuteProfile& profile, const calendar::WorkingCalendar& calendar,
                           TaskKind kind, Instant receipt, const std::optional<deadlines::TimeLimit>& limit) {
  const auto& procedure = profile.procedure(kind_name(kind));
  auto basis = statute::basis_for(profile, procedure, receipt, false, calendar);
  if (limit) basis.limit = *limit;
  return replan_deadline(profile, calendar, std::move(basis));
}

TaskDeadline replan_deadline(const statute::StatuteProfile& profile, const calendar::WorkingCalendar& calendar,
                             deadlines::DeadlineBasis basis) {
  TaskDeadline out;
  const auto deadline = deadlines::recompute_deadline(calendar, basis);
  out.basis = std::move(basis);
  if (!deadline) return out;
  out.due = deadline->due;
  out.provisional = deadline->provisional;
  // The one place task deadlines are counted: where a missing holiday notice starts to matter.
  if (out.provisional) calendar::warn_provisional_deadline(calendar, out.basis.receipt, deadline->due);
  const auto reminder = statute::reminder_at(profile.procedure(out.basis.procedure), *deadline, calendar);
  if (reminder && *reminder > out.basis.receipt && *reminder < deadline->due) out.reminder = reminder;
  return out;
}

void apply_deadline(Task& task, const TaskDeadline& deadline) {
  if (task.due_at != deadline.due) {
    ++task.deadline_version;
    task.reminder_fired = task.overdue_fired = false;
  }
  task.basis = deadline.basis;
  task.due_at = deadline.due;
  task.provisional = deadline.provisional;
  task.reminder_at = deadline.reminder;
}

std::optional<Instant> next_fire_at(const Task& task) {
  // An answered task waits for verification, not for its assignee: no reminder, no overdue.
  if (is_final(task.status) || task.status == TaskStatus::kAnswered || task.status == TaskStatus::kVerified)
    return std::nullopt;
  if (task.reminder_at && !task.reminder_fired) return task.reminder_at;
  if (task.due_at && !task.overdue_fired) return task.due_at;
  return std::nullopt;
}

}  // namespace jiaohe::engine::tasks
