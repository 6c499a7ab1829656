#pragma once
// The workflow's unit of work over one pqxx::work: the rows of tasks, events, notifications,
// flags, findings, timers and disputes the domain decided to write, so a change, its event and its notification
// commit or vanish together. Row I/O only (the decisions are engine/tasks and engine/disputes).
// Internal to engine/store/ (it includes libpqxx); the domain sees tasks::UnitOfWork.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/keyed_write.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/unit_of_work.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::store {

// The columns of a whole task, in the order task_of reads them (of `tasks`, unqualified): every
// query that returns tasks selects these, so that there is one reader of a task row.
inline constexpr const char* kTaskColumns = R"sql(
  id, kind, assignee, step, status, coalesce(resolution, ''), coalesce(resolution_reason, ''),
  array_to_json(flags)::text, jiaohe_micros(received_at), jiaohe_micros(due_at), provisional,
  deadline_basis::text, deadline_version, jiaohe_micros(reminder_at), extensions, extension_asked,
  reminder_fired, overdue_fired, overdue, dispute_id, parent_task_id, scan_id, coalesce(dataset_id, ''),
  coalesce(rule_id, ''), jiaohe_micros(answered_at), jiaohe_micros(closed_at), assigned_staff_id, assigned_name,
  extension_requester_token, extension_requester_staff)sql";
// A NULL basis column (the lists select none) leaves the task's basis empty.
tasks::Task task_of(const pqxx::row& r);

// The columns of a verification flag (of `verification_flags` f joined to its task t), in the
// order flag_of reads them: the one reader of a flag row.
inline constexpr const char* kFlagColumns = R"sql(
  f.task_id, coalesce(f.subject_id, ''), coalesce(f.dataset_id, ''), coalesce(f.record_key, ''),
  coalesce(f.attribute, ''), jiaohe_micros(f.set_at), t.assignee)sql";
tasks::VerificationFlag flag_of(const pqxx::row& r);
// One task by id ($1); TaskTx::load adds FOR UPDATE.
inline const std::string kSelectTaskById = std::string("SELECT ") + kTaskColumns + " FROM tasks WHERE id = $1";

class TaskTx final : public tasks::UnitOfWork {
 public:
  TaskTx(pqxx::transaction_base& tx, const tasks::WorkflowSetup& setup, Instant now) : tx_(tx), setup_(setup), now_(now) {}

  pqxx::transaction_base& tx() { return tx_; }
  Instant now() const override { return now_; }
  const tasks::WorkflowSetup& setup() const override { return setup_; }

  // Tasks (task_tx.cpp).
  tasks::Task load_task(std::int64_t id) override;  // FOR UPDATE
  std::int64_t insert_task(const tasks::Task& task, std::optional<Instant> next_fire_at) override;
  void update_task(const tasks::Task& task, std::optional<Instant> next_fire_at) override;
  std::int64_t insert_event(std::int64_t task_id, const std::string& action, const tasks::Actor& actor,
                            const nlohmann::json& before, const nlohmann::json& after,
                            const std::string& reason) override;
  void queue_notification(const std::string& key, std::int64_t task_id, std::int64_t event_id,
                          const std::string& recipient, const std::string& kind,
                          const nlohmann::json& payload) override;
  void insert_flag(std::int64_t task_id, const std::optional<std::string>& subject,
                   const std::optional<std::string>& dataset, const std::optional<std::string>& record,
                   const std::optional<std::string>& attribute) override;
  std::vector<tasks::VerificationFlag> live_flags(std::int64_t task_id) override;
  std::vector<tasks::VerificationFlag> clear_flags(std::int64_t task_id) override;
  std::optional<tasks::Person> staff_member(const std::string& unit, const std::string& staff_id) override;

  // Findings (finding_rows.cpp).
  void lock_finding_tasks() override;
  int keep_accepted() override;
  int lift_acceptance() override;
  void forget_resolved_answers() override;
  std::vector<std::int64_t> live_finding_tasks() override;
  std::vector<tasks::FindingState> finding_states(std::int64_t task_id, std::int64_t scan_id) override;
  void set_outcome(std::int64_t task_id, const std::vector<std::int64_t>& finding_ids,
                   const std::string& outcome) override;
  void set_all_outcomes(std::int64_t task_id, const std::string& outcome) override;
  void clear_finding_answers(const std::vector<std::int64_t>& finding_ids) override;
  std::vector<tasks::UntaskedFindings> untasked_findings() override;
  void link_findings(std::int64_t task_id, const std::vector<std::int64_t>& finding_ids) override;
  void flag_findings(std::int64_t task_id, const std::vector<std::int64_t>& finding_ids) override;
  void record_finding_answer(std::int64_t task_id, const std::string& answer) override;

  // Timers (deadline_rows.cpp).
  std::vector<std::int64_t> take_due(int batch) override;
  bool claim_fire(std::int64_t task_id, const std::string& kind, int deadline_version) override;
  std::vector<std::int64_t> stale_bases(const std::string& calendar_version,
                                        const std::string& profile_version) override;

  // Disputes (dispute_rows.cpp).
  std::int64_t insert_dispute(const disputes::Filing& filing, Instant filed_at) override;
  disputes::DisputeRecord load_dispute(std::int64_t id) override;  // FOR UPDATE
  void set_dispute_status(std::int64_t id, disputes::DisputeStatus status) override;
  void record_result(std::int64_t id, disputes::DisputeStatus status, const std::string& result,
                     const std::string& reason) override;
  void set_publication(std::int64_t id, disputes::Publication publication, Instant at) override;
  int count_documents(std::int64_t dispute_id) override;
  std::int64_t insert_document(const disputes::DocumentInfo& info, const std::string& content) override;

  // A dataset's publication while exposure tasks are open (exposure_rows.cpp).
  bool verifies_rule_kind(std::int64_t task_id, const std::string& rule_kind) override;
  int live_tasks_of_rule_kind(const std::string& dataset_id, const std::string& rule_kind) override;
  std::optional<disputes::Publication> dataset_publication(const std::string& dataset_id) override;
  void set_dataset_publication(const std::string& dataset_id, disputes::Publication state, std::int64_t task_id,
                               Instant at) override;

 private:
  pqxx::transaction_base& tx_;
  const tasks::WorkflowSetup& setup_;
  Instant now_;
};

namespace detail {
// Runs `body(t)`, then commits `tx` (a transaction or a savepoint); returns what `body` returns.
template <typename Tx, typename Body>
auto run_and_commit(Tx& tx, TaskTx& t, Body& body) {
  if constexpr (std::is_void_v<decltype(body(t))>) {
    body(t);
    tx.commit();
  } else {
    auto result = body(t);
    tx.commit();
    return result;
  }
}
}  // namespace detail

// `body(t)` in one workflow transaction on a pooled connection, committed when it returns
// normally (an exception rolls everything back); returns what `body` returns. For a request
// with an Idempotency-Key the transaction is the request's (engine/store/keyed_write.hpp),
// committed with its key; a savepoint keeps the write all-or-nothing within it.
template <typename Body>
auto in_task_tx(const std::string& url, const tasks::WorkflowSetup& setup, Instant now, Body&& body) {
  if (auto* keyed = KeyedWrite::current()) {
    pqxx::subtransaction write(keyed->transaction(), "keyed_write");
    TaskTx t(write, setup, now);
    return detail::run_and_commit(write, t, body);
  }
  auto lease = connect(url);
  pqxx::work tx(*lease);
  TaskTx t(tx, setup, now);
  return detail::run_and_commit(tx, t, body);
}

}  // namespace jiaohe::engine::store
