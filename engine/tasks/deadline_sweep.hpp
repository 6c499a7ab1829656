#pragma once
// The timers of open tasks: reminders at the profile's lead time, overdue marks with the
// rectification order they trigger (Art. 47), and recomputation when a new calendar or profile
// is loaded. Each reminder, overdue mark and rectification happens once per task and deadline
// version: due rows are taken locked and skipping what another sweeper holds, and a fire key
// (task, kind, deadline version) is written in the same unit of work. "Now" is always passed
// in: the sweep never reads a clock.
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/store/workflow_tx.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::tasks {

struct SweepCounts {
  int reminders = 0, overdue = 0, rectifications = 0;
};

// What the sweep at `now` does to one task, decided from the task alone: its reminder when the
// lead time has come and it was not sent, its overdue mark when the deadline passed without an
// answer, and the kind of the order that mark opens (the procedure's on_overdue, Art. 47; empty
// for none). Each happens only if its fire key is not taken (another run fired it).
struct DueTimers {
  bool reminder = false;
  bool overdue = false;
  std::string order;
};
DueTimers due_timers(const Task& task, Instant now, const statute::StatuteProfile& profile);

// One thing a sweep at an instant would do (DeadlineSweep::preview).
struct SweepAction {
  enum class What { kReminder, kOverdue, kRectificationOrder };
  What what;
  Task task;          // the task the timer is of
  std::string order;  // kRectificationOrder: the kind of the task it opens
};
std::string what_name(SweepAction::What what);  // "reminder", "overdue", "rectification_order"

class DeadlineSweep {
 public:
  DeadlineSweep(std::string url, WorkflowSetup setup);

  // Fires what is due at `now`, `batch` tasks per unit of work, until nothing due is left
  // unlocked. Safe to run in several processes at once.
  SweepCounts sweep(Instant now, int batch = 100);

  // What sweep(at) would do, in order, decided by the same rules from the tasks as they are
  // now, without writing or locking anything: a preview for operators ("what if").
  std::vector<SweepAction> preview(Instant at) const;

  // Recomputes due_at of open tasks whose basis names another calendar or profile version
  // (with a "deadline_recomputed" event holding the old and new deadline). Returns how many
  // tasks' deadlines moved.
  int recompute(Instant now);

 private:
  store::WorkflowDb db_;
};

}  // namespace jiaohe::engine::tasks
