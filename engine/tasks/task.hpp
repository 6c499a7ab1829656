#pragma once
// A task as stored, its events, and the verification flags it raises: what the store returns.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/deadlines/deadline_basis.hpp"
#include "engine/tasks/task_types.hpp"

namespace jiaohe::engine::tasks {

struct Task {
  std::int64_t id = 0;
  TaskKind kind = TaskKind::kVerifyFinding;
  std::string assignee;  // agency code or "authority"
  std::string step;      // procedure and article
  TaskStatus status = TaskStatus::kOpen;
  std::string resolution, resolution_reason;
  std::vector<std::string> flags;  // e.g. "correction_not_effective"
  Instant received_at{};
  std::optional<Instant> due_at;
  bool provisional = false;
  deadlines::DeadlineBasis basis;
  int deadline_version = 1;
  std::optional<Instant> reminder_at;
  int extensions = 0;
  std::optional<std::int64_t> extension_asked;
  std::optional<ActorRef> extension_requester;  // who asked: the one who may not decide it
  bool reminder_fired = false, overdue_fired = false, overdue = false;
  std::optional<std::int64_t> dispute_id, parent_task_id, scan_id;
  std::string dataset_id, rule_id;
  std::optional<Instant> answered_at, closed_at;
  std::optional<Person> assigned_to;  // a member of the assignee's staff; none: the whole unit

  bool has_flag(const std::string& flag) const;
};

struct TaskEvent {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  Instant at{};
  std::string actor, actor_role, action, reason;
  nlohmann::json before, after;
  std::int64_t token_id = 0;     // 0: a job or the command line
  std::optional<Person> person = {};  // the person the token named, if any
};

// 异议标注: a record (or a subject's attribute) whose value is being verified.
struct VerificationFlag {
  std::int64_t task_id = 0;
  std::string subject_id, dataset_id, record_key, attribute;
  Instant set_at{};
  std::string assignee = {};  // of the task that flags: who verifies the record
};

// The task's state as events record it (before/after).
nlohmann::json snapshot(const Task& task);

// {"staff_id", "name"}, or null for none: how events, notifications and the API show a person.
nlohmann::json person_json(const std::optional<Person>& person);

}  // namespace jiaohe::engine::tasks
