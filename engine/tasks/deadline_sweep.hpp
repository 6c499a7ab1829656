#pragma once
// The timers of open tasks: reminders at the profile's lead time, overdue marks with the
// rectification order they trigger (Art. 47), and recomputation when a new calendar or profile
// is loaded. Each reminder, overdue mark and rectification happens once per task and deadline
// version: due rows are taken locked and skipping what another sweeper holds, and a fire key
// (task, kind, deadline version) is written in the same unit of work. "Now" is always passed
// in: the sweep never reads a clock.
#include <string>

#include "engine/clock.hpp"
#include "engine/store/workflow_tx.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::tasks {

struct SweepCounts {
  int reminders = 0, overdue = 0, rectifications = 0;
};

class DeadlineSweep {
 public:
  DeadlineSweep(std::string url, WorkflowSetup setup);

  // Fires what is due at `now`, `batch` tasks per unit of work, until nothing due is left
  // unlocked. Safe to run in several processes at once.
  SweepCounts sweep(Instant now, int batch = 100);

  // Recomputes due_at of open tasks whose basis names another calendar or profile version
  // (with a "deadline_recomputed" event holding the old and new deadline). Returns how many
  // tasks' deadlines moved.
  int recompute(Instant now);

 private:
  store::WorkflowDb db_;
};

}  // namespace jiaohe::engine::tasks
