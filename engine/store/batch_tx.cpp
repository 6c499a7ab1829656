#include "engine/store/batch_tx.hpp"

#include <optional>

#include "engine/disputes/dispute.hpp"
#include "engine/disputes/filing.hpp"
#include "engine/store/named_statement.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/util/json_text.hpp"

namespace jiaohe::engine::store {
namespace {

using nlohmann::json;

// Per filing: its dispute, its task, and the task's opened and flags_set events. And no JIT for
// the rest of the transaction: the planner prices the batch's write for jsonb_to_recordset's
// guess of 100 rows per table, above jit_above_cost, and compiling it took 28 of its 30 ms.
const NamedStatement kReserveIds("jiaohe_batch_reserve_ids", R"sql(
  SELECT set_config('jit', 'off', true),
         array_to_json(ARRAY(SELECT nextval('disputes_id_seq') FROM generate_series(1, $1)))::text,
         array_to_json(ARRAY(SELECT nextval('tasks_id_seq') FROM generate_series(1, $1)))::text,
         array_to_json(ARRAY(SELECT nextval('task_events_id_seq') FROM generate_series(1, 2 * $1)))::text)sql");

// Every table of the batch in one statement: each CTE inserts one table's rows from its JSON
// array ($1 disputes, $2 tasks, $3 events, $4 outbox, $5 flags), with the columns and values
// TaskTx's single-row inserts write (engine/store/task_tx.cpp, dispute_rows.cpp). Foreign keys
// between them are checked at the end of the statement, when all rows are in.
const NamedStatement kWriteBatch("jiaohe_batch_write", R"sql(
  WITH d AS (
    INSERT INTO disputes (id, kind, subject_id, dataset_id, attribute, agency_code, claimed_value, description, notify,
                          channel, publication_suspended, publication, publication_changed_at, evidence, status,
                          filed_at)
    SELECT r.id, r.kind, r.subject_id, r.dataset_id, r.attribute, r.agency_code, r.claimed_value, r.description,
           r.notify::jsonb, r.channel, r.publication_suspended, r.publication,
           CASE WHEN r.publication IS NOT NULL THEN r.filed_at END,
           -- Two subqueries, so that the one naming the evidence attributes reads them through
           -- canonical_values_by_subject (the other, without a catalogue, reads every value).
           CASE WHEN r.evidence_attributes IS NULL THEN
             (SELECT coalesce(jsonb_agg(jsonb_build_object('dataset', v.dataset_id, 'record', v.record_key,
                                                           'attribute', v.attribute, 'value', v.value)
                                        ORDER BY v.dataset_id, v.record_key, v.attribute), '[]')
              FROM canonical_values v WHERE v.subject_id = r.subject_id)
           ELSE
             (SELECT coalesce(jsonb_agg(jsonb_build_object('dataset', v.dataset_id, 'record', v.record_key,
                                                           'attribute', v.attribute, 'value', v.value)
                                        ORDER BY v.dataset_id, v.record_key, v.attribute), '[]')
              FROM canonical_values v WHERE v.subject_id = r.subject_id AND v.attribute = ANY(r.evidence_attributes))
           END,
           'open', r.filed_at
    FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, kind text, subject_id text, dataset_id text, attribute text,
                                           agency_code text, claimed_value text, description text, notify text,
                                           channel text, publication_suspended boolean, publication text,
                                           filed_at timestamptz, evidence_attributes text[])),
  t AS (
    INSERT INTO tasks (id, kind, assignee, step, status, received_at, due_at, provisional, deadline_basis,
                       deadline_version, reminder_at, next_fire_at, dispute_id, parent_task_id, scan_id, dataset_id,
                       rule_id, created_at, assigned_staff_id, assigned_name)
    SELECT r.id, r.kind, r.assignee, r.step, 'open', r.received_at, r.due_at, r.provisional, r.deadline_basis::jsonb,
           r.deadline_version, r.reminder_at, r.next_fire_at, r.dispute_id, r.parent_task_id, r.scan_id, r.dataset_id,
           r.rule_id, r.created_at, r.assigned_staff_id, r.assigned_name
    FROM jsonb_to_recordset($2::jsonb) AS r(id bigint, kind text, assignee text, step text, received_at timestamptz,
                                           due_at timestamptz, provisional boolean, deadline_basis text,
                                           deadline_version integer, reminder_at timestamptz, next_fire_at timestamptz,
                                           dispute_id bigint, parent_task_id bigint, scan_id bigint, dataset_id text,
                                           rule_id text, created_at timestamptz, assigned_staff_id text,
                                           assigned_name text)),
  e AS (
    INSERT INTO task_events (id, task_id, at, actor, actor_role, action, before, after, reason, token_id, staff_id,
                             staff_name)
    SELECT r.id, r.task_id, r.at, r.actor, r.actor_role, r.action, r.before::jsonb, r.after::jsonb, r.reason,
           r.token_id, r.staff_id, r.staff_name
    FROM jsonb_to_recordset($3::jsonb) AS r(id bigint, task_id bigint, at timestamptz, actor text, actor_role text,
                                           action text, before text, after text, reason text, token_id bigint,
                                           staff_id text, staff_name text)),
  o AS (
    INSERT INTO outbox (idempotency_key, task_id, event_id, recipient, kind, payload, next_attempt_at, created_at)
    SELECT r.idempotency_key, r.task_id, r.event_id, r.recipient, r.kind, r.payload::jsonb, r.at, r.at
    FROM jsonb_to_recordset($4::jsonb) AS r(idempotency_key text, task_id bigint, event_id bigint, recipient text,
                                           kind text, payload text, at timestamptz)
    ON CONFLICT (idempotency_key) DO NOTHING),
  f AS (
    INSERT INTO verification_flags (subject_id, dataset_id, record_key, attribute, task_id, set_at)
    SELECT r.subject_id, r.dataset_id, r.record_key, r.attribute, r.task_id, r.set_at
    FROM jsonb_to_recordset($5::jsonb) AS r(subject_id text, dataset_id text, record_key text, attribute text,
                                           task_id bigint, set_at timestamptz))
  SELECT 1)sql");

// A new row object at the end of a table's rows.
util::JsonObjectText new_row(std::string& table) {
  if (!table.empty()) table += ',';
  return util::JsonObjectText(table);
}

void take_all(const pqxx::field& f, std::deque<std::int64_t>& into) {
  for (const auto& id : json::parse(f.c_str())) into.push_back(id.get<std::int64_t>());
}

}  // namespace

BatchIds reserve_batch_ids(pqxx::transaction_base& tx, std::size_t pieces) {
  const auto rows = exec_prepared_sql(tx, kReserveIds, static_cast<std::int64_t>(pieces));
  BatchIds ids;
  take_all(rows[0][1], ids.disputes);
  take_all(rows[0][2], ids.tasks);
  take_all(rows[0][3], ids.events);
  return ids;
}

bool BatchRows::empty() const {
  return disputes.empty() && tasks.empty() && events.empty() && outbox.empty() && flags.empty();
}

void BatchRows::append(BatchRows&& other) {
  for (auto [to, from] : {std::pair{&disputes, &other.disputes}, std::pair{&tasks, &other.tasks},
                          std::pair{&events, &other.events}, std::pair{&outbox, &other.outbox},
                          std::pair{&flags, &other.flags}}) {
    if (from->empty()) continue;
    if (to->empty()) {
      *to = std::move(*from);
    } else {
      *to += ',';
      *to += *from;
    }
  }
}

void write_batch_rows(pqxx::transaction_base& tx, const BatchRows& rows) {
  if (rows.empty()) return;
  const auto array = [](const std::string& table) { return "[" + table + "]"; };
  exec_prepared_sql(tx, kWriteBatch, array(rows.disputes), array(rows.tasks), array(rows.events), array(rows.outbox),
                    array(rows.flags));
}

std::int64_t BatchTx::take(std::deque<std::int64_t>& ids, const char* what) {
  if (ids.empty()) throw NotBatchable(std::string("no reserved ") + what + " id left");
  const auto id = ids.front();
  ids.pop_front();
  return id;
}

// Each row's members are those TaskTx's single-row inserts write; an absent value is a JSON null
// (NULL in the row), but for evidence_attributes, whose absence chooses the statement's branch.
std::int64_t BatchTx::insert_dispute(const disputes::Filing& f, Instant filed_at) {
  const auto id = take(ids_.disputes, "dispute");
  auto row = new_row(rows_.disputes);
  row.field("id", id);
  row.field("kind", disputes::kind_name(f.kind));
  row.field("subject_id", f.subject_id);
  row.field("agency_code", f.agency_code);
  row.field("description", f.description);
  row.field("notify", f.notify.dump());
  row.field("channel", disputes::channel_name(f.channel));
  row.field("filed_at", to_pg_timestamp(filed_at));
  row.field("dataset_id", null_if_empty(f.dataset_id));
  row.field("attribute", null_if_empty(f.attribute));
  row.field("claimed_value", null_if_empty(f.claimed_value));
  if (!f.evidence_attributes.empty()) row.field("evidence_attributes", f.evidence_attributes);
  if (f.publication) {
    row.field("publication_suspended", *f.publication == disputes::Publication::kSuspended);
    row.field("publication", disputes::publication_name(*f.publication));
  }
  row.close();
  return id;
}

std::int64_t BatchTx::insert_task(const tasks::Task& t, std::optional<Instant> next_fire_at) {
  const auto id = take(ids_.tasks, "task");
  auto row = new_row(rows_.tasks);
  row.field("id", id);
  row.field("kind", tasks::kind_name(t.kind));
  row.field("assignee", t.assignee);
  row.field("step", t.step);
  row.field("received_at", to_pg_timestamp(t.received_at));
  row.field("provisional", t.provisional);
  row.field("deadline_basis", deadlines::to_json(t.basis).dump());
  row.field("deadline_version", t.deadline_version);
  row.field("created_at", to_pg_timestamp(now_));
  row.field("due_at", pg_time(t.due_at));
  row.field("reminder_at", pg_time(t.reminder_at));
  row.field("next_fire_at", pg_time(next_fire_at));
  row.field("dispute_id", t.dispute_id);
  row.field("parent_task_id", t.parent_task_id);
  row.field("scan_id", t.scan_id);
  row.field("dataset_id", null_if_empty(t.dataset_id));
  row.field("rule_id", null_if_empty(t.rule_id));
  if (t.assigned_to) {
    row.field("assigned_staff_id", t.assigned_to->staff_id);
    row.field("assigned_name", t.assigned_to->name);
  }
  row.close();
  new_tasks_.push_back({id, t.assignee});
  return id;
}

std::int64_t BatchTx::insert_event(std::int64_t task_id, const std::string& action, const tasks::Actor& actor,
                                   const json& before, const json& after, const std::string& reason) {
  const auto id = take(ids_.events, "event");
  auto row = new_row(rows_.events);
  row.field("id", id);
  row.field("task_id", task_id);
  row.field("at", to_pg_timestamp(now_));
  row.field("actor", actor.name);
  row.field("actor_role", tasks::role_name(actor.role));
  row.field("action", action);
  if (!before.is_null()) row.field("before", before.dump());
  if (!after.is_null()) row.field("after", after.dump());
  row.field("reason", null_if_empty(reason));
  if (actor.token_id != 0) row.field("token_id", actor.token_id);
  if (actor.person) {
    row.field("staff_id", actor.person->staff_id);
    row.field("staff_name", actor.person->name);
  }
  row.close();
  return id;
}

void BatchTx::queue_notification(const std::string& key, std::int64_t task_id, std::int64_t event_id,
                                 const std::string& recipient, const std::string& kind, const json& payload) {
  auto row = new_row(rows_.outbox);
  row.field("idempotency_key", key);
  row.field("task_id", task_id);
  row.field("event_id", event_id);
  row.field("recipient", recipient);
  row.field("kind", kind);
  row.field("payload", payload.dump());
  row.field("at", to_pg_timestamp(now_));
  row.close();
}

void BatchTx::insert_flag(std::int64_t task_id, const std::optional<std::string>& subject,
                          const std::optional<std::string>& dataset, const std::optional<std::string>& record,
                          const std::optional<std::string>& attribute) {
  auto row = new_row(rows_.flags);
  row.field("task_id", task_id);
  row.field("set_at", to_pg_timestamp(now_));
  row.field("subject_id", subject);
  row.field("dataset_id", dataset);
  row.field("record_key", record);
  row.field("attribute", attribute);
  row.close();
  // As live_flags reads a flag back (kFlagColumns): NULLs as empty texts, the task's assignee.
  std::string assignee;
  for (const auto& t : new_tasks_)
    if (t.id == task_id) assignee = t.assignee;
  new_flags_.push_back({task_id, subject.value_or(""), dataset.value_or(""), record.value_or(""),
                        attribute.value_or(""), now_, assignee});
}

std::vector<tasks::VerificationFlag> BatchTx::live_flags(std::int64_t task_id) {
  bool mine = false;
  for (const auto& t : new_tasks_) mine = mine || t.id == task_id;
  if (!mine) throw NotBatchable("the flags of a task in the database");
  std::vector<tasks::VerificationFlag> out;
  for (const auto& f : new_flags_)
    if (f.task_id == task_id) out.push_back(f);
  return out;
}

// What reads or changes rows already written: the per-piece path.
tasks::Task BatchTx::load_task(std::int64_t) { throw NotBatchable("load_task"); }
void BatchTx::update_task(const tasks::Task&, std::optional<Instant>) { throw NotBatchable("update_task"); }
std::vector<tasks::VerificationFlag> BatchTx::clear_flags(std::int64_t) { throw NotBatchable("clear_flags"); }
std::optional<tasks::Person> BatchTx::staff_member(const std::string&, const std::string&) {
  throw NotBatchable("staff_member");
}
void BatchTx::lock_finding_tasks() { throw NotBatchable("lock_finding_tasks"); }
int BatchTx::keep_accepted() { throw NotBatchable("keep_accepted"); }
int BatchTx::lift_acceptance() { throw NotBatchable("lift_acceptance"); }
void BatchTx::forget_resolved_answers() { throw NotBatchable("forget_resolved_answers"); }
std::vector<std::int64_t> BatchTx::live_finding_tasks() { throw NotBatchable("live_finding_tasks"); }
std::vector<tasks::FindingState> BatchTx::finding_states(std::int64_t, std::int64_t) {
  throw NotBatchable("finding_states");
}
void BatchTx::set_outcome(std::int64_t, const std::vector<std::int64_t>&, const std::string&) {
  throw NotBatchable("set_outcome");
}
void BatchTx::set_all_outcomes(std::int64_t, const std::string&) { throw NotBatchable("set_all_outcomes"); }
void BatchTx::clear_finding_answers(const std::vector<std::int64_t>&) { throw NotBatchable("clear_finding_answers"); }
std::vector<tasks::UntaskedFindings> BatchTx::untasked_findings() { throw NotBatchable("untasked_findings"); }
void BatchTx::link_findings(std::int64_t, const std::vector<std::int64_t>&) { throw NotBatchable("link_findings"); }
void BatchTx::flag_findings(std::int64_t, const std::vector<std::int64_t>&) { throw NotBatchable("flag_findings"); }
void BatchTx::record_finding_answer(std::int64_t, const std::string&) { throw NotBatchable("record_finding_answer"); }
std::vector<std::int64_t> BatchTx::take_due(int) { throw NotBatchable("take_due"); }
bool BatchTx::claim_fire(std::int64_t, const std::string&, int) { throw NotBatchable("claim_fire"); }
std::vector<std::int64_t> BatchTx::stale_bases(const std::string&, const std::string&) {
  throw NotBatchable("stale_bases");
}
disputes::DisputeRecord BatchTx::load_dispute(std::int64_t) { throw NotBatchable("load_dispute"); }
void BatchTx::set_dispute_status(std::int64_t, disputes::DisputeStatus) { throw NotBatchable("set_dispute_status"); }
void BatchTx::record_result(std::int64_t, disputes::DisputeStatus, const std::string&, const std::string&) {
  throw NotBatchable("record_result");
}
void BatchTx::set_publication(std::int64_t, disputes::Publication, Instant) { throw NotBatchable("set_publication"); }
int BatchTx::count_documents(std::int64_t) { throw NotBatchable("count_documents"); }
std::int64_t BatchTx::insert_document(const disputes::DocumentInfo&, const std::string&) {
  throw NotBatchable("insert_document");
}

}  // namespace jiaohe::engine::store
