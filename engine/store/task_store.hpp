#pragma once
// Reading tasks: one task, its events, its findings and the live verification flags of a
// subject or record. The writes are the domain's (engine/tasks/task_desk, finding_loop,
// deadline_sweep; engine/disputes/dispute_desk), through the unit of work.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/tasks/task.hpp"

namespace jiaohe::engine::store {

class TaskStore {
 public:
  explicit TaskStore(std::string url);

  tasks::Task task(std::int64_t task_id) const;
  std::vector<tasks::TaskEvent> events(std::int64_t task_id) const;
  std::vector<std::int64_t> finding_ids(std::int64_t task_id) const;
  // Live 异议标注 flags of a subject, or of one record.
  std::vector<tasks::VerificationFlag> flags_for_subject(const std::string& subject_id) const;
  std::vector<tasks::VerificationFlag> flags_for_record(const std::string& dataset_id, const std::string& record_key) const;
  // The tasks whose next timer (reminder or deadline) has come by `at`, soonest first; read
  // without locks (the sweep takes them locked, TaskTx::take_due).
  std::vector<tasks::Task> due_by(Instant at) const;

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
