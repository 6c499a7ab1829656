#include "engine/store/dispute_store.hpp"

#include <chrono>

#include "engine/error.hpp"
#include "engine/ids/subject_check.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/store/scan_store.hpp"
#include "engine/store/task_tx.hpp"
#include "engine/calendar/local_time.hpp"

namespace jiaohe::engine::store {
namespace {

using tasks::Task;
using tasks::TaskKind;

// The dispute with its evidence: the subject's values in every dataset (of the disputed
// attribute, when named), snapshotted in the same statement.
constexpr const char* kInsertDispute = R"sql(
  INSERT INTO disputes (kind, subject_id, dataset_id, attribute, agency_code, claimed_value, description, notify,
                        channel, publication_suspended, evidence, status, filed_at)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10,
         coalesce(jsonb_agg(jsonb_build_object('dataset', dataset_id, 'record', record_key, 'attribute', attribute,
                                               'value', value) ORDER BY dataset_id, record_key, attribute), '[]'),
         'open', $11::timestamptz
  FROM canonical_values WHERE subject_id = $2 AND ($4::text IS NULL OR attribute = $4)
  RETURNING id)sql";
constexpr const char* kDisputeOf = R"sql(
  SELECT kind, subject_id, coalesce(dataset_id, ''), coalesce(attribute, ''), agency_code, notify::text, status
  FROM disputes WHERE id = $1 FOR UPDATE)sql";
constexpr const char* kResolveDispute =
    "UPDATE disputes SET status = $2, result = $3, result_reason = nullif($4, '') WHERE id = $1";
constexpr const char* kAppealDispute = "UPDATE disputes SET status = 'appealed' WHERE id = $1";
constexpr const char* kDisputeStatus = "SELECT status FROM disputes WHERE id = $1";
constexpr const char* kDisputeEvidence = "SELECT evidence::text FROM disputes WHERE id = $1";

// A dispute with the step that is running (if any): what view_of reads, for one or a page.
constexpr const char* kDisputeViewSelect = R"sql(
  SELECT d.id, d.kind, d.subject_id, coalesce(d.dataset_id, ''), coalesce(d.attribute, ''), d.agency_code, d.channel,
         d.status, coalesce(d.result, ''), coalesce(d.result_reason, ''), jiaohe_micros(d.filed_at),
         coalesce(live.step, ''), coalesce(live.assignee, ''), jiaohe_micros(live.due_at)
  FROM disputes d LEFT JOIN LATERAL (
    SELECT step, assignee, due_at FROM tasks
    WHERE dispute_id = d.id AND status NOT IN ('closed', 'forwarded') ORDER BY id DESC LIMIT 1) live ON true)sql";
const std::string kDisputeView = std::string(kDisputeViewSelect) + " WHERE d.id = $1";
const std::string kListDisputes = std::string(kDisputeViewSelect) + R"sql(
  WHERE ($1::text IS NULL OR d.subject_id = $1) AND ($2::text IS NULL OR d.agency_code = $2 OR live.assignee = $2)
    AND ($3::text IS NULL OR d.status = $3) AND ($4::text IS NULL OR d.kind = $4)
    AND ($5::bigint = 0 OR d.id < $5)
  ORDER BY d.id DESC LIMIT $6)sql";
constexpr const char* kDisputeHistory = R"sql(
  SELECT jiaohe_micros(e.at), e.task_id, t.step, e.action, e.actor_role, coalesce(e.reason, '')
  FROM task_events e JOIN tasks t ON t.id = e.task_id
  WHERE t.dispute_id = $1 ORDER BY e.at, e.id)sql";

const tasks::Actor kParty{"party", tasks::ActorRole::kParty, {}};

struct DisputeRow {
  std::string kind, subject, dataset, attribute, agency, status;
  nlohmann::json notify;
};

DisputeRow dispute_of(pqxx::transaction_base& tx, std::int64_t id) {
  const auto rows = tx.exec_params(kDisputeOf, id);
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "dispute " + std::to_string(id) + " does not exist");
  const auto& r = rows[0];
  return {r[0].c_str(), r[1].c_str(), r[2].c_str(), r[3].c_str(), r[4].c_str(), r[6].c_str(),
          nlohmann::json::parse(r[5].c_str())};
}

// A task of the dispute's procedure, flagging the disputed values while it is open.
Task open_dispute_task(TaskTx& t, TaskKind kind, std::int64_t dispute_id, const DisputeRow& d, const std::string& assignee,
                       std::optional<std::int64_t> parent, const std::string& reason) {
  Task task;
  task.kind = kind;
  task.assignee = assignee;
  task.dispute_id = dispute_id;
  task.parent_task_id = parent;
  task.dataset_id = d.dataset;
  task = t.open(task, kParty, reason);
  t.flag(task.id, d.subject, null_if_empty(d.dataset), std::nullopt, null_if_empty(d.attribute));
  return task;
}


DisputeView view_of(const pqxx::row& r) {
  DisputeView v;
  v.id = r[0].as<std::int64_t>();
  v.kind = r[1].c_str();
  v.subject_id = r[2].c_str();
  v.dataset_id = r[3].c_str();
  v.attribute = r[4].c_str();
  v.agency_code = r[5].c_str();
  v.channel = r[6].c_str();
  v.status = r[7].c_str();
  v.result = r[8].c_str();
  v.result_reason = r[9].c_str();
  v.filed_at = *instant_of(r[10]);
  v.current_step = r[11].c_str();
  v.assignee = r[12].c_str();
  v.deadline = instant_of(r[13]);
  return v;
}

// The dispute's row of a read query, or NotFound: every read of one dispute starts here.
pqxx::row dispute_row(pqxx::read_transaction& tx, const char* sql, std::int64_t dispute_id) {
  const auto rows = tx.exec_params(sql, dispute_id);
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "dispute " + std::to_string(dispute_id) + " does not exist");
  return rows[0];
}

}  // namespace

DisputeStore::DisputeStore(std::string url, tasks::WorkflowSetup setup, GroupCommitter* committer)
    : url_(std::move(url)), setup_(std::move(setup)), committer_(committer) {}

Filed DisputeStore::file(const DisputeRequest& request, Instant now) {
  DisputeRow d;
  d.subject = ids::validated_subject(request.subject_id, now, "the subject identifier");
  if (request.description.empty()) throw Error(ErrorCode::kInvalidInput, "a description of the problem is required");
  d.dataset = request.dataset_id;
  d.attribute = request.attribute;
  d.agency = request.agency_code;
  if (!d.dataset.empty() && setup_.catalogue) {
    const auto* dataset = setup_.catalogue->dataset(d.dataset);
    if (!dataset) throw Error(ErrorCode::kInvalidInput, "dataset '" + d.dataset + "' is not in the catalogue");
    if (d.agency.empty()) d.agency = dataset->agency.code;
  }
  if (d.agency.empty())
    throw Error(ErrorCode::kInvalidInput, "name the agency (or a dataset of the catalogue) the dispute is about");
  d.kind = request.withdrawal ? "withdrawal" : "dispute";
  d.notify = request.notify;
  const auto write = [&](TaskTx& t) {
    auto& tx = t.tx();
    const bool via_authority = request.channel == FilingChannel::kAuthority && !request.withdrawal;
    const auto id =
        exec_prepared_sql(tx, "jiaohe_insert_dispute", kInsertDispute, d.kind, d.subject, null_if_empty(d.dataset), null_if_empty(d.attribute), d.agency,
                       null_if_empty(request.claimed_value), request.description, request.notify.dump(),
                       via_authority ? "authority" : "agency",
                       request.withdrawal ? std::optional<bool>(request.publication_suspended) : std::nullopt,
                       to_pg_timestamp(now))[0][0]
            .as<std::int64_t>();
    const TaskKind kind = request.withdrawal ? TaskKind::kVerifyWithdrawal
                          : via_authority    ? TaskKind::kForwardDispute
                                             : TaskKind::kVerifyDispute;
    std::string reason = d.kind + " " + std::to_string(id) + " filed with the " + (via_authority ? "authority" : "agency");
    if (request.withdrawal) reason += request.publication_suspended ? "; publication suspended" : "; publication not suspended";
    const auto task = open_dispute_task(t, kind, id, d, via_authority ? "authority" : d.agency, std::nullopt, reason);
    DisputeView v;
    v.id = id;
    v.kind = d.kind;
    v.subject_id = d.subject;
    v.dataset_id = d.dataset;
    v.attribute = d.attribute;
    v.agency_code = d.agency;
    v.channel = via_authority ? "authority" : "agency";
    v.status = "open";
    v.filed_at = now;
    v.deadline = task.due_at;
    v.current_step = task.step;
    v.assignee = task.assignee;
    v.history.push_back({now, task.id, task.step, "opened", tasks::role_name(kParty.role), reason});
    return Filed{id, task.id, std::move(v)};
  };
  return committer_ ? committer_->run(now, write) : in_task_tx(url_, setup_, now, write);
}

Task DisputeStore::forward(std::int64_t task_id, const tasks::Actor& actor, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto& tx = t.tx();
    const Task task = t.load(task_id);
    if (!task.dispute_id) throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " has no dispute to forward");
    const auto d = dispute_of(tx, *task.dispute_id);
    t.act(task, tasks::TaskAction::kForward, actor, "forwarded to " + d.agency, [&](Task& a) {
      a.answered_at = now;
      a.resolution = "forwarded";
    });
    auto next = open_dispute_task(t, TaskKind::kVerifyDispute, *task.dispute_id, d, d.agency, task.id,
                                  "forwarded by the authority (task " + std::to_string(task_id) + ")");
    return next;
  });
}

Task DisputeStore::answer(std::int64_t task_id, const std::string& result, const std::string& reason,
                          const tasks::Actor& actor, Instant now) {
  if (result.empty()) throw Error(ErrorCode::kInvalidInput, "a result is required");
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto& tx = t.tx();
    const Task task = t.load(task_id);
    if (!task.dispute_id || task.kind == TaskKind::kForwardDispute)
      throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " is a " + tasks::kind_name(task.kind) +
                                            " task: it has no result for a party");
    const auto d = dispute_of(tx, *task.dispute_id);
    const Task answered = t.act(task, tasks::TaskAction::kAnswer, actor, reason, [&](Task& a) {
      a.resolution = result;
      a.resolution_reason = reason;
      a.answered_at = now;
    });
    const Task closed = t.act(answered, tasks::TaskAction::kClose, actor, "result sent to the party");
    const bool review = task.kind == TaskKind::kReview;
    tx.exec_params(kResolveDispute, *task.dispute_id, review ? "closed" : "resolved", result, reason);
    const auto event_id = t.event(task.id, "party_notified", actor, nullptr, nlohmann::json{{"result", result}}, reason);
    t.notify(closed, "result", "party", "result:" + std::to_string(task.id), event_id,
             {{"result", result}, {"reason", reason}, {"notify", d.notify}, {"appealable", !review}});
    return closed;
  });
}

Task DisputeStore::appeal(std::int64_t dispute_id, const std::string& reason, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto& tx = t.tx();
    const auto d = dispute_of(tx, dispute_id);
    if (d.status != "resolved")
      throw Error(ErrorCode::kConflict, "dispute " + std::to_string(dispute_id) + " is " + d.status +
                                            ": only a result can be appealed, and only once");
    tx.exec_params(kAppealDispute, dispute_id);
    auto task = open_dispute_task(t, TaskKind::kReview, dispute_id, d, "authority", std::nullopt,
                                  "the party appealed the result: " + reason);
    return task;
  });
}

std::string DisputeStore::status(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    return dispute_row(tx, kDisputeStatus, dispute_id)[0].c_str();
  });
}

DisputeView DisputeStore::view(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    auto v = view_of(dispute_row(tx, kDisputeView.c_str(), dispute_id));
    for (const auto& e : tx.exec_params(kDisputeHistory, dispute_id))
      v.history.push_back({*instant_of(e[0]), e[1].as<std::int64_t>(), e[2].c_str(), e[3].c_str(), e[4].c_str(), e[5].c_str()});
    return v;
  });
}

Page<DisputeView> DisputeStore::list(const DisputeFilter& f, const PageQuery& page) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<DisputeView> rows;
    for (const auto& r : tx.exec_params(kListDisputes, null_if_empty(f.subject_id), null_if_empty(f.agency), null_if_empty(f.status),
                                        null_if_empty(f.kind), page.before_id, page.limit + 1))
      rows.push_back(view_of(r));
    return page_of(std::move(rows), page, [](const DisputeView& v) { return v.id; });
  });
}

nlohmann::json DisputeStore::evidence(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    return nlohmann::json::parse(dispute_row(tx, kDisputeEvidence, dispute_id)[0].c_str());
  });
}

}  // namespace jiaohe::engine::store
