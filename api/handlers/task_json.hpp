#pragma once
// A task and its events as the task endpoints answer them.
#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/tasks/task.hpp"

namespace jiaohe::api::handlers {

// `overdue` is read at `now` (past due while the assignee must act); `marked_overdue` says
// whether the sweeper ever marked it (kept after an answer, for supervision).
nlohmann::json task_json(const engine::tasks::Task& task, engine::Instant now);
// An event names who acted: the actor text, its role, the token and the person it names (null
// for jobs and tokens without a person).
nlohmann::json event_json(const engine::tasks::TaskEvent& event);
// A "comment" event as the task read shows it: the text and who wrote it.
nlohmann::json comment_json(const engine::tasks::TaskEvent& event);

}  // namespace jiaohe::api::handlers
