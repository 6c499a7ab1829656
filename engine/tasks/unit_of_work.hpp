#pragma once
// One unit of work of the workflow: everything one decision writes (tasks, their events,
// notifications and flags, findings' outcomes, timer fire keys, dispute rows), committed
// together or not at all. The domain sees only this; the store implements it over one
// transaction (engine/store/task_tx.hpp) and runs it (engine/store/workflow_tx.hpp). Whatever
// else a write must record in the same transaction joins here as another accessor.
#include "engine/disputes/dispute_writes.hpp"
#include "engine/tasks/deadline_writes.hpp"
#include "engine/tasks/exposure_writes.hpp"
#include "engine/tasks/finding_writes.hpp"
#include "engine/tasks/task_writes.hpp"

namespace jiaohe::engine::tasks {

class UnitOfWork : public TaskWrites,
                   public FindingWrites,
                   public DeadlineWrites,
                   public disputes::DisputeWrites,
                   public ExposureWrites {};

}  // namespace jiaohe::engine::tasks
