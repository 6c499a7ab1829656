#pragma once
// A task and its events as the task endpoints answer them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/tasks/task.hpp"

namespace jiaohe::api::handlers {

// `overdue` is read at `now` (past due while the assignee must act); `marked_overdue` says
// whether the sweeper ever marked it (kept after an answer, for supervision).
nlohmann::json task_json(const engine::tasks::Task& task, engine::Instant now);
// The same document as task_json(task, now).dump(), appended to `out` without building it
// (for lists: a queue page writes fifty).
void append_task_json(std::string& out, const engine::tasks::Task& task, engine::Instant now);
// An event names who acted: the actor text, its role, the token and the person it names (null
// for jobs and tokens without a person).
nlohmann::json event_json(const engine::tasks::TaskEvent& event);
// A "comment" event as the task read shows it: the text and who wrote it.
nlohmann::json comment_json(const engine::tasks::TaskEvent& event);

// The names of the task statuses and kinds, as answers and filters spell them.
const std::vector<std::string>& task_status_names();
const std::vector<std::string>& task_kind_names();

// Their JSON Schemas, for /openapi.json: the components Task, TaskEvent and TaskComment.
nlohmann::json task_schema();
nlohmann::json event_schema();
nlohmann::json comment_schema();

}  // namespace jiaohe::api::handlers
