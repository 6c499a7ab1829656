#pragma once
// How a task is opened and moved: the step named after the profile's procedure, the deadline
// planned from the profile and calendar, every transition asked of the state machine, and the
// event and notification each change leaves. Writes go through TaskWrites, so one unit of work
// holds a change, its event and its notifications.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/deadlines/time_limit.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/task_writes.hpp"

namespace jiaohe::engine::tasks {

// A new task of `task.kind` received now: its deadline from the profile (or `limit`), the row,
// an "opened" event and a task_opened notification to the assignee, whose payload also carries
// `notice` (e.g. a dispute's claim: what the assignee must verify). Returns it with its id.
Task open_task(TaskWrites& w, Task task, const Actor& actor, const std::string& reason,
               const std::optional<deadlines::TimeLimit>& limit = {},
               const nlohmann::json& notice = nlohmann::json::object());

// Checks `action` in the state machine, applies `change` to a copy, and writes it with an
// event named after the action. `requested_extension` only matters for extension requests.
Task act(TaskWrites& w, const Task& task, TaskAction action, const Actor& actor, const std::string& reason,
         const std::function<void(Task&)>& change = {}, std::int64_t requested_extension = 0);

// The recipient of the 异议标注 notifications: the platform that shows the mark wherever the
// record is used (its URL is notify.webhooks["platform"]).
inline constexpr const char* kFlagRecipient = "platform";

// Announces the task's live verification flags, once they are written: a `flags_set` event (with
// kFlagsSetReason) and a `record_flagged` notification to the platform naming each flagged
// record. Returns whether there were any.
inline constexpr const char* kFlagsSetReason = "the record is under verification (异议标注) while the task runs";
bool announce_flags(TaskWrites& w, const Task& task, const Actor& actor);

// Writes `after` over `before` and records the event; clears the verification flags of a task
// that became final (with its own event and a `record_unflagged` notification to the
// platform). Returns the event id.
std::int64_t save(TaskWrites& w, const Task& before, const Task& after, const std::string& action,
                  const Actor& actor, const std::string& reason, const nlohmann::json& detail = {});

// Queues a notification about `task` to `recipient`, `payload` completed with the task's state
// (the member of staff it is assigned to included, so a reminder reaches that person).
void notify(TaskWrites& w, const Task& task, const std::string& kind, const std::string& recipient,
            const std::string& key, std::int64_t event_id, nlohmann::json payload = nlohmann::json::object());

}  // namespace jiaohe::engine::tasks
