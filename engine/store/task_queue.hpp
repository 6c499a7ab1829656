#pragma once
// The reads behind the task endpoints: a queue of tasks by filter (newest first, keyset
// pages), and what one task is about — its findings and the values the platform holds for
// their subjects in every dataset.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/store/finding_queries.hpp"
#include "engine/store/page.hpp"
#include "engine/tasks/task.hpp"

namespace jiaohe::engine::store {

// Every set member narrows the queue; unset members do not filter.
struct TaskFilter {
  std::string visible_to = {};  // an agency's code: only its tasks; empty for the authority (all)
  std::string assignee = {};
  std::optional<tasks::TaskStatus> status = {};
  std::optional<tasks::TaskKind> kind = {};
  std::string dataset_id = {};
  std::optional<Instant> due_before = {};  // due_at strictly before
  // Overdue = due_at before `now` while the assignee must still act (open, in progress,
  // extension requested, reopened): the sweeper's reading, where answered tasks never are.
  std::optional<bool> overdue = {};
  std::string assigned_to = {};  // a staff id of the assignee's register: only tasks assigned to them
  bool unassigned = false;       // only tasks assigned to no one (the whole unit)
  Instant now{};
};

// A finding of a task, with what its task's answer did to it.
struct TaskFinding {
  FindingRecord finding;  // with its evidence
  std::string outcome;    // empty until the task is answered or the finding resolves
};

// One value of a subject in one dataset (canonical, as the last scan saw it).
struct SubjectValue {
  std::string subject_id, dataset_id, record_key, attribute, value;
};

class TaskQueue {
 public:
  explicit TaskQueue(std::string url);

  Page<tasks::Task> list(const TaskFilter& filter, const PageQuery& page) const;
  std::vector<TaskFinding> findings(std::int64_t task_id) const;
  // The values of each finding's subject and attribute in every dataset: what the agency
  // compares its record against.
  std::vector<SubjectValue> values(std::int64_t task_id) const;

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
