#pragma once
// Inside one workflow transaction: load a task under a row lock, ask the state machine, write
// the new row with its event, and queue the notifications the change causes — all in the same
// pqxx::work, so a change, its event and its notification commit or vanish together.
// Internal to engine/store/ (it includes libpqxx).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"

#include "engine/tasks/task.hpp"
#include "engine/tasks/task_deadline.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::store {

std::optional<std::string> pg_time(const std::optional<Instant>& t);
std::optional<Instant> instant_of(const pqxx::field& micros);
// An optional text parameter: "" becomes NULL.
inline std::optional<std::string> null_if_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// The columns of a whole task, in the order task_of reads them (of `tasks`, unqualified): every
// query that returns tasks selects these, so that there is one reader of a task row.
inline constexpr const char* kTaskColumns = R"sql(
  id, kind, assignee, step, status, coalesce(resolution, ''), coalesce(resolution_reason, ''),
  array_to_json(flags)::text, jiaohe_micros(received_at), jiaohe_micros(due_at), provisional,
  deadline_basis::text, deadline_version, jiaohe_micros(reminder_at), extensions, extension_asked,
  reminder_fired, overdue_fired, overdue, dispute_id, parent_task_id, scan_id, coalesce(dataset_id, ''),
  coalesce(rule_id, ''), jiaohe_micros(answered_at), jiaohe_micros(closed_at))sql";
tasks::Task task_of(const pqxx::row& r);
// One task by id ($1); TaskTx::load adds FOR UPDATE.
inline const std::string kSelectTaskById = std::string("SELECT ") + kTaskColumns + " FROM tasks WHERE id = $1";

class TaskTx {
 public:
  TaskTx(pqxx::transaction_base& tx, const tasks::WorkflowSetup& setup, Instant now) : tx_(tx), setup_(setup), now_(now) {}

  pqxx::transaction_base& tx() { return tx_; }
  Instant now() const { return now_; }
  const tasks::WorkflowSetup& setup() const { return setup_; }

  // The task, locked FOR UPDATE; engine::Error(kNotFound) when there is none.
  tasks::Task load(std::int64_t id);

  // A new task of `kind` received now: its deadline from the profile (or `limit`), the row,
  // an "opened" event and a task_opened notification to the assignee. Returns it with its id.
  tasks::Task open(tasks::Task task, const tasks::Actor& actor, const std::string& reason,
                   const std::optional<deadlines::TimeLimit>& limit = {});

  // Checks `action` in the state machine, applies `change` to a copy, and writes it with an
  // event named after the action. `requested_extension` only matters for extension requests.
  tasks::Task act(const tasks::Task& task, tasks::TaskAction action, const tasks::Actor& actor,
                  const std::string& reason, const std::function<void(tasks::Task&)>& change = {},
                  std::int64_t requested_extension = 0);

  // Writes `after` over `before` and records the event; clears the verification flags of a
  // task that became final (with its own event). Returns the event id.
  std::int64_t save(const tasks::Task& before, const tasks::Task& after, const std::string& action,
                    const tasks::Actor& actor, const std::string& reason, const nlohmann::json& detail = {});

  std::int64_t event(std::int64_t task_id, const std::string& action, const tasks::Actor& actor,
                     const nlohmann::json& before, const nlohmann::json& after, const std::string& reason);

  // Queues a notification (ignored if its idempotency key was already queued).
  void notify(const tasks::Task& task, const std::string& kind, const std::string& recipient, const std::string& key,
              std::int64_t event_id, nlohmann::json payload = nlohmann::json::object());

  // Flags the task's record or subject as under verification (异议标注).
  void flag(std::int64_t task_id, const std::optional<std::string>& subject, const std::optional<std::string>& dataset,
            const std::optional<std::string>& record, const std::optional<std::string>& attribute);

 private:
  pqxx::transaction_base& tx_;
  const tasks::WorkflowSetup& setup_;
  Instant now_;
};

// `body(t)` in one workflow transaction on a pooled connection, committed when it returns
// normally (an exception rolls everything back); returns what `body` returns.
template <typename Body>
auto in_task_tx(const std::string& url, const tasks::WorkflowSetup& setup, Instant now, Body&& body) {
  auto lease = connect(url);
  pqxx::work tx(*lease);
  TaskTx t(tx, setup, now);
  if constexpr (std::is_void_v<decltype(body(t))>) {
    body(t);
    tx.commit();
  } else {
    auto result = body(t);
    tx.commit();
    return result;
  }
}

}  // namespace jiaohe::engine::store
