#pragma once
// A group-commit batch's rows written together: the committer runs each batchable piece of a
// batch against a BatchTx, which collects the rows the piece writes (disputes, tasks, task
// events, outbox notifications, verification flags) instead of sending them, then writes the
// whole batch with one statement that inserts into each table from a JSON array of its rows
// (jsonb_to_recordset). A batch of n filings then costs its transaction four round trips (begin,
// the ids, the rows, commit) where one piece at a time costs 8 statements per filing.
//
// Ids the domain needs back (disputes, tasks, events) are reserved for the whole batch by one
// statement before its pieces run; ids reserved for a piece that then does not commit with
// the batch are never used, as ids of a rolled-back insert are not.
//
// A BatchTx writes only; what a unit of work would read (a task or dispute to update, findings,
// timers, staff) throws NotBatchable, and so does a piece that needs more ids than are left.
// Such a piece runs as before, on the batch's transaction through a TaskTx (the committer's
// per-piece path). The flags a new task of the same piece set are the one read it answers.
// Internal to engine/store/ (it includes libpqxx).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/clock.hpp"
#include "engine/tasks/unit_of_work.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::store {

// Thrown by a BatchTx for a write it cannot collect: the piece runs on its own TaskTx instead.
class NotBatchable : public std::runtime_error {
 public:
  explicit NotBatchable(const std::string& what) : std::runtime_error("not batchable: " + what) {}
};

// Ids reserved for a batch, taken in order by its pieces.
struct BatchIds {
  std::deque<std::int64_t> disputes, tasks, events;
};

// Reserves `pieces` filings' worth of ids (a dispute, a task and two events each): one statement.
BatchIds reserve_batch_ids(pqxx::transaction_base& tx, std::size_t pieces);

// The rows of a batch, one JSON array per table (the statement's parameters), kept as text: each
// table's row objects separated by commas, without the array's brackets. Written straight to
// text (engine/util/json_text.hpp), as building a nlohmann tree per row and dumping it cost a
// fifth of the server's time per filing.
struct BatchRows {
  std::string disputes, tasks, events, outbox, flags;
  bool empty() const;
  // Appends `other`'s rows (a piece that ran to its end).
  void append(BatchRows&& other);
};

// Writes `rows` in one statement; nothing when there are none.
void write_batch_rows(pqxx::transaction_base& tx, const BatchRows& rows);

class BatchTx final : public tasks::UnitOfWork {
 public:
  BatchTx(BatchIds& ids, const tasks::WorkflowSetup& setup, Instant now) : ids_(ids), setup_(setup), now_(now) {}

  Instant now() const override { return now_; }
  const tasks::WorkflowSetup& setup() const override { return setup_; }
  // The rows collected so far.
  BatchRows& rows() { return rows_; }

  // Collected.
  std::int64_t insert_task(const tasks::Task& task, std::optional<Instant> next_fire_at) override;
  std::int64_t insert_event(std::int64_t task_id, const std::string& action, const tasks::Actor& actor,
                            const nlohmann::json& before, const nlohmann::json& after,
                            const std::string& reason) override;
  void queue_notification(const std::string& key, std::int64_t task_id, std::int64_t event_id,
                          const std::string& recipient, const std::string& kind,
                          const nlohmann::json& payload) override;
  void insert_flag(std::int64_t task_id, const std::optional<std::string>& subject,
                   const std::optional<std::string>& dataset, const std::optional<std::string>& record,
                   const std::optional<std::string>& attribute) override;
  std::int64_t insert_dispute(const disputes::Filing& filing, Instant filed_at) override;
  // The flags of a task this piece inserted (it can have no others); NotBatchable for another.
  std::vector<tasks::VerificationFlag> live_flags(std::int64_t task_id) override;

  // NotBatchable: they read or change rows already in the database.
  tasks::Task load_task(std::int64_t id) override;
  void update_task(const tasks::Task& task, std::optional<Instant> next_fire_at) override;
  std::vector<tasks::VerificationFlag> clear_flags(std::int64_t task_id) override;
  std::optional<tasks::Person> staff_member(const std::string& unit, const std::string& staff_id) override;
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
  std::vector<std::int64_t> take_due(int batch) override;
  bool claim_fire(std::int64_t task_id, const std::string& kind, int deadline_version) override;
  std::vector<std::int64_t> stale_bases(const std::string& calendar_version,
                                        const std::string& profile_version) override;
  disputes::DisputeRecord load_dispute(std::int64_t id) override;
  void set_dispute_status(std::int64_t id, disputes::DisputeStatus status) override;
  void record_result(std::int64_t id, disputes::DisputeStatus status, const std::string& result,
                     const std::string& reason) override;
  void set_publication(std::int64_t id, disputes::Publication publication, Instant at) override;
  int count_documents(std::int64_t dispute_id) override;
  std::int64_t insert_document(const disputes::DocumentInfo& info, const std::string& content) override;
  // Only the loop after a scan and a finding task's answer use these, never a batched filing.
  bool verifies_rule_kind(std::int64_t, const std::string&) override { throw NotBatchable("verifies_rule_kind"); }
  int live_tasks_of_rule_kind(const std::string&, const std::string&) override {
    throw NotBatchable("live_tasks_of_rule_kind");
  }
  std::optional<disputes::Publication> dataset_publication(const std::string&) override {
    throw NotBatchable("dataset_publication");
  }
  void set_dataset_publication(const std::string&, disputes::Publication, std::int64_t, Instant) override {
    throw NotBatchable("set_dataset_publication");
  }

 private:
  std::int64_t take(std::deque<std::int64_t>& ids, const char* what);

  BatchIds& ids_;
  const tasks::WorkflowSetup& setup_;
  Instant now_;
  BatchRows rows_;
  struct NewTask {
    std::int64_t id;
    std::string assignee;
  };
  std::vector<NewTask> new_tasks_;
  std::vector<tasks::VerificationFlag> new_flags_;
};

}  // namespace jiaohe::engine::store
