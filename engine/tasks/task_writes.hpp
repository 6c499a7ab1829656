#pragma once
// What a workflow decision reads and writes of tasks, as the domain sees it: rows, events,
// notifications and verification flags, inside one unit of work that commits or vanishes as a
// whole. The store implements it over one transaction (engine/store/task_tx.hpp); the domain
// (task_flow, the dispute desk, the finding loop, the deadline sweep) decides what to write.
// Row I/O only: no rule of the workflow is applied behind this interface.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::tasks {

class TaskWrites {
 public:
  virtual ~TaskWrites() = default;

  // The instant every write of this unit is stamped with, and what the workflow is set up with.
  virtual Instant now() const = 0;
  virtual const WorkflowSetup& setup() const = 0;

  // The task, locked until the unit ends; engine::Error(kNotFound) when there is none.
  virtual Task load_task(std::int64_t id) = 0;
  // A new task row (its id is ignored), due for the sweeper at `next_fire_at`; returns its id.
  virtual std::int64_t insert_task(const Task& task, std::optional<Instant> next_fire_at) = 0;
  // Writes every changeable column of `task` over its row.
  virtual void update_task(const Task& task, std::optional<Instant> next_fire_at) = 0;
  // An event of the task's history (`before`/`after` null for none); returns its id.
  virtual std::int64_t insert_event(std::int64_t task_id, const std::string& action, const Actor& actor,
                                    const nlohmann::json& before, const nlohmann::json& after,
                                    const std::string& reason) = 0;
  // Queues a notification, unless one with the same idempotency key was already queued.
  virtual void queue_notification(const std::string& key, std::int64_t task_id, std::int64_t event_id,
                                  const std::string& recipient, const std::string& kind,
                                  const nlohmann::json& payload) = 0;
  // Flags a record or a subject's values as under verification (异议标注) while the task runs.
  virtual void insert_flag(std::int64_t task_id, const std::optional<std::string>& subject,
                           const std::optional<std::string>& dataset, const std::optional<std::string>& record,
                           const std::optional<std::string>& attribute) = 0;
  // The task's live flags, oldest first.
  virtual std::vector<VerificationFlag> live_flags(std::int64_t task_id) = 0;
  // Clears the task's live flags; returns the flags it cleared.
  virtual std::vector<VerificationFlag> clear_flags(std::int64_t task_id) = 0;
  // The member `staff_id` of the staff register of `unit` (an agency code or "authority"),
  // locked against removal until the unit ends; nullopt when there is none.
  virtual std::optional<Person> staff_member(const std::string& unit, const std::string& staff_id) = 0;
};

}  // namespace jiaohe::engine::tasks
