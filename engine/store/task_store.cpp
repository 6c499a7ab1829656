#include "engine/store/task_store.hpp"

#include <map>

#include "engine/error.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/scan_store.hpp"
#include "engine/store/task_tx.hpp"
#include "engine/tasks/task_deadline.hpp"
#include "engine/tasks/task_flow.hpp"

namespace jiaohe::engine::store {
namespace {

using tasks::Task;
using tasks::TaskAction;
using tasks::TaskStatus;

constexpr const char* kFindingTasksLock = "SELECT pg_advisory_xact_lock(hashtext('jiaohe.finding_tasks'))";
// Findings the scan re-opened over a confirmed-accurate answer: kept accepted while the value
// is the one confirmed; a changed value lifts the acceptance so the finding gets a new task.
constexpr const char* kKeepAccepted = R"sql(
  UPDATE findings SET status = 'accepted'
  WHERE status = 'open' AND answer = 'confirmed_accurate' AND coalesce(evidence->'value', evidence) = accepted_value)sql";
constexpr const char* kLiftAcceptance = R"sql(
  UPDATE findings SET answer = NULL, accepted_value = NULL
  WHERE status = 'open' AND answer = 'confirmed_accurate')sql";
// A rejected or corrected finding that has since resolved starts afresh if it comes back.
constexpr const char* kForgetAnswers =
    "UPDATE findings SET answer = NULL WHERE status = 'resolved' AND answer IN ('rejected', 'corrected')";
constexpr const char* kLiveFindingTasks = R"sql(
  SELECT DISTINCT t.id FROM tasks t JOIN task_findings tf ON tf.task_id = t.id
  WHERE t.kind = 'verify_finding' AND t.status NOT IN ('closed', 'forwarded') ORDER BY t.id)sql";
constexpr const char* kTaskFindingStates = R"sql(
  SELECT f.id, f.status, f.last_seen_scan = $2 AS seen, coalesce(f.resolved_scan = $2, false) AS resolved_now
  FROM task_findings tf JOIN findings f ON f.id = tf.finding_id WHERE tf.task_id = $1 ORDER BY f.id)sql";
constexpr const char* kSetOutcome = R"sql(
  UPDATE task_findings SET outcome = $3 WHERE task_id = $1 AND finding_id = ANY(ARRAY(
    SELECT jsonb_array_elements_text($2::jsonb)::bigint)))sql";
constexpr const char* kSetAllOutcomes = "UPDATE task_findings SET outcome = $2 WHERE task_id = $1";
constexpr const char* kClearFindingAnswer = R"sql(
  UPDATE findings SET answer = NULL WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint)))sql";
constexpr const char* kUntaskedFindings = R"sql(
  SELECT f.agency_code, f.dataset_id, f.rule_id, array_to_json(array_agg(f.id ORDER BY f.id))::text
  FROM findings f
  WHERE f.status = 'open' AND f.answer IS NULL
    AND NOT EXISTS (SELECT 1 FROM task_findings tf JOIN tasks t ON t.id = tf.task_id
                    WHERE tf.finding_id = f.id AND t.status NOT IN ('closed', 'forwarded'))
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3)sql";
constexpr const char* kLinkFindings = R"sql(
  INSERT INTO task_findings (task_id, finding_id) SELECT $1, id::bigint FROM jsonb_array_elements_text($2::jsonb) id)sql";
constexpr const char* kFlagFindings = R"sql(
  INSERT INTO verification_flags (subject_id, dataset_id, record_key, attribute, task_id, set_at)
  SELECT subject_id, dataset_id, record_key, attribute, $1, $2::timestamptz FROM findings
  WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)::bigint)))sql";
constexpr const char* kAnswerFindings = R"sql(
  UPDATE findings f SET answer = $2,
    status = CASE WHEN $2 = 'confirmed_accurate' AND f.status = 'open' THEN 'accepted' ELSE f.status END,
    accepted_value = CASE WHEN $2 = 'confirmed_accurate' THEN coalesce(f.evidence->'value', f.evidence) END
  FROM task_findings tf WHERE tf.task_id = $1 AND tf.finding_id = f.id)sql";
constexpr const char* kSelectEvents = R"sql(
  SELECT id, task_id, jiaohe_micros(at), actor, actor_role, action, coalesce(before::text, 'null'),
         coalesce(after::text, 'null'), coalesce(reason, '')
  FROM task_events WHERE task_id = $1 ORDER BY id)sql";
constexpr const char* kSelectFindingIds = "SELECT finding_id FROM task_findings WHERE task_id = $1 ORDER BY finding_id";
constexpr const char* kFlagsOfSubject = R"sql(
  SELECT task_id, coalesce(subject_id, ''), coalesce(dataset_id, ''), coalesce(record_key, ''), coalesce(attribute, ''),
         jiaohe_micros(set_at)
  FROM verification_flags WHERE subject_id = $1 AND cleared_at IS NULL ORDER BY id)sql";
constexpr const char* kFlagsOfRecord = R"sql(
  SELECT task_id, coalesce(subject_id, ''), coalesce(dataset_id, ''), coalesce(record_key, ''), coalesce(attribute, ''),
         jiaohe_micros(set_at)
  FROM verification_flags WHERE dataset_id = $1 AND record_key = $2 AND cleared_at IS NULL ORDER BY id)sql";

constexpr const char* kNotEffective = "correction_not_effective";

const tasks::Actor kScanActor = tasks::system_actor("scan");

std::string json_ids(const std::vector<std::int64_t>& ids) { return nlohmann::json(ids).dump(); }

// One task's findings as this scan saw them.
struct FindingStates {
  std::vector<std::int64_t> seen_open, resolved_now, resolved;
  std::size_t total = 0;
};

FindingStates finding_states(pqxx::transaction_base& tx, std::int64_t task_id, std::int64_t scan_id) {
  FindingStates s;
  for (const auto& r : tx.exec_params(kTaskFindingStates, task_id, scan_id)) {
    const auto id = r[0].as<std::int64_t>();
    const std::string status = r[1].c_str();
    ++s.total;
    if (status == "open" && r[2].as<bool>()) s.seen_open.push_back(id);
    if (r[3].as<bool>()) s.resolved_now.push_back(id);
    if (status == "resolved") s.resolved.push_back(id);
  }
  return s;
}

void reconcile_task(TaskTx& t, std::int64_t task_id, std::int64_t scan_id, ReconcileCounts& counts) {
  auto& tx = t.tx();
  Task task = t.load_task(task_id);
  const auto s = finding_states(tx, task_id, scan_id);
  if (task.status == TaskStatus::kAnswered) {
    if (!s.seen_open.empty()) {  // the defect was found again: the correction did not take
      tx.exec_params(kSetOutcome, task_id, json_ids(s.seen_open), "not_effective");
      tx.exec_params(kClearFindingAnswer, json_ids(s.seen_open));
      tasks::act(t, task, TaskAction::kReopen, kScanActor,
            "scan " + std::to_string(scan_id) + " found " + std::to_string(s.seen_open.size()) +
                " corrected finding(s) again: correction not effective",
            [](Task& a) {
              if (!a.has_flag(kNotEffective)) a.flags.push_back(kNotEffective);
              a.resolution.clear();
            });
      ++counts.not_effective;
    } else if (s.resolved.size() == s.total) {
      tx.exec_params(kSetOutcome, task_id, json_ids(s.resolved), "verified");
      const auto verified = tasks::act(t, task, TaskAction::kVerify, kScanActor,
                                  "scan " + std::to_string(scan_id) + " no longer finds the defects");
      tasks::act(t, verified, TaskAction::kClose, kScanActor, "correction verified");
      ++counts.verified;
    }
    return;
  }
  if (task.status == TaskStatus::kVerified || s.total == 0 || s.resolved.size() != s.total) return;
  // Every finding disappeared before the agency answered.
  tx.exec_params(kSetAllOutcomes, task_id, "resolved_at_source");
  tasks::act(t, task, TaskAction::kResolveAtSource, kScanActor,
        "scan " + std::to_string(scan_id) + " no longer finds the defects; no answer was given",
        [](Task& a) { a.resolution = "resolved_at_source"; });
  ++counts.resolved_at_source;
}

ReconcileCounts reconcile_in(TaskTx& t, std::int64_t scan_id) {
  auto& tx = t.tx();
  ReconcileCounts counts;
  tx.exec(kFindingTasksLock);
  counts.accepted_kept = static_cast<int>(tx.exec(kKeepAccepted).affected_rows());
  counts.acceptance_lifted = static_cast<int>(tx.exec(kLiftAcceptance).affected_rows());
  for (const auto& r : tx.exec(kLiveFindingTasks)) reconcile_task(t, r[0].as<std::int64_t>(), scan_id, counts);
  tx.exec(kForgetAnswers);
  return counts;
}

tasks::VerificationFlag flag_of(const pqxx::row& r) {
  return {r[0].as<std::int64_t>(), r[1].c_str(), r[2].c_str(), r[3].c_str(), r[4].c_str(), *instant_of(r[5])};
}

}  // namespace

std::string answer_name(FindingAnswer answer) {
  switch (answer) {
    case FindingAnswer::kCorrected: return "corrected";
    case FindingAnswer::kConfirmedAccurate: return "confirmed_accurate";
    case FindingAnswer::kRejected: return "rejected";
  }
  return "unknown";
}

TaskStore::TaskStore(std::string url, tasks::WorkflowSetup setup) : url_(std::move(url)), setup_(std::move(setup)) {}

ReconcileCounts TaskStore::reconcile_findings(std::int64_t scan_id, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    return reconcile_in(t, scan_id);
  });
}

std::vector<std::int64_t> TaskStore::open_finding_tasks(std::int64_t scan_id, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto& tx = t.tx();
    reconcile_in(t, scan_id);
    std::vector<std::int64_t> opened;
    for (const auto& r : tx.exec(kUntaskedFindings)) {
      Task task;
      task.kind = tasks::TaskKind::kVerifyFinding;
      task.assignee = r[0].c_str();
      task.dataset_id = r[1].c_str();
      task.rule_id = r[2].c_str();
      task.scan_id = scan_id;
      const std::string ids = r[3].c_str();
      const auto limit = setup_.rule_limits.find(task.rule_id);
      const auto count = nlohmann::json::parse(ids).size();
      task = tasks::open_task(t, task, kScanActor,
                    "scan " + std::to_string(scan_id) + ": " + std::to_string(count) + " finding(s) of rule " +
                        task.rule_id + " in " + task.dataset_id,
                    limit == setup_.rule_limits.end() ? std::nullopt : std::optional(limit->second));
      tx.exec_params(kLinkFindings, task.id, ids);
      tx.exec_params(kFlagFindings, task.id, to_pg_timestamp(now), ids);
      opened.push_back(task.id);
    }
    return opened;
  });
}

Task TaskStore::answer_findings(std::int64_t task_id, FindingAnswer answer, const std::string& reason,
                                const tasks::Actor& actor, Instant now) {
  if (answer != FindingAnswer::kCorrected && reason.empty())
    throw Error(ErrorCode::kInvalidInput, "answering " + answer_name(answer) + " needs a reason");
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto& tx = t.tx();
    const Task task = t.load_task(task_id);
    if (task.kind != tasks::TaskKind::kVerifyFinding)
      throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " is a " + tasks::kind_name(task.kind) +
                                            " task, not a finding task");
    Task after = tasks::act(t, task, TaskAction::kAnswer, actor, reason, [&](Task& a) {
      a.resolution = answer_name(answer);
      a.resolution_reason = reason;
      a.answered_at = now;
    });
    tx.exec_params(kSetAllOutcomes, task_id, answer_name(answer));
    tx.exec_params(kAnswerFindings, task_id, answer_name(answer));
    // A correction waits for the next scan; the other answers settle the task now.
    if (answer != FindingAnswer::kCorrected)
      after = tasks::act(t, after, TaskAction::kClose, actor, "answered " + answer_name(answer));
    return after;
  });
}

Task TaskStore::answer_rectification(std::int64_t task_id, const std::string& reason, const tasks::Actor& actor,
                                     Instant now) {
  if (reason.empty()) throw Error(ErrorCode::kInvalidInput, "reporting a rectification needs a reason: what was done");
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    const Task task = t.load_task(task_id);
    if (task.kind != tasks::TaskKind::kRectify)
      throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " is a " + tasks::kind_name(task.kind) +
                                            " task, not a rectification order");
    if (task.parent_task_id) {
      const Task overdue = t.load_task(*task.parent_task_id);
      if (!tasks::is_final(overdue.status) && overdue.status != TaskStatus::kAnswered)
        throw Error(ErrorCode::kConflict, "answer the overdue task " + std::to_string(overdue.id) +
                                              " first: the rectification is that answer");
    }
    Task after = tasks::act(t, task, TaskAction::kAnswer, actor, reason, [&](Task& a) {
      a.resolution = "rectified";
      a.resolution_reason = reason;
      a.answered_at = now;
    });
    after = tasks::act(t, after, TaskAction::kClose, actor, "rectification reported");
    const auto event_id =
        t.insert_event(after.id, "authority_notified", actor, nullptr, nlohmann::json{{"resolution", "rectified"}}, reason);
    tasks::notify(t, after, "result", "authority", "rectified:" + std::to_string(after.id), event_id,
             nlohmann::json{{"resolution", "rectified"}, {"reason", reason}});
    return after;
  });
}

Task TaskStore::start(std::int64_t task_id, const tasks::Actor& actor, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto after = tasks::act(t, t.load_task(task_id), TaskAction::kStart, actor, "");
    return after;
  });
}

Task TaskStore::request_extension(std::int64_t task_id, std::int64_t amount, const std::string& reason,
                                  const tasks::Actor& actor, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    auto after = tasks::act(t, 
        t.load_task(task_id), TaskAction::kRequestExtension, actor, reason,
        [&](Task& a) {
          ++a.extensions;
          a.extension_asked = amount;
        },
        amount);
    return after;
  });
}

Task TaskStore::decide_extension(std::int64_t task_id, bool approve, const std::string& reason,
                                 const tasks::Actor& approver, Instant now) {
  return in_task_tx(url_, setup_, now, [&](TaskTx& t) {
    const Task task = t.load_task(task_id);
    const auto action = approve ? TaskAction::kApproveExtension : TaskAction::kDenyExtension;
    auto after = tasks::act(t, task, action, approver, reason, [&](Task& a) {
      const auto asked = a.extension_asked.value_or(0);
      a.extension_asked.reset();
      if (!approve) return;
      const auto& policy = *setup_.profile->procedure(tasks::kind_name(a.kind)).extension;
      auto basis = a.basis;
      basis.extension = deadlines::Extension{policy.form, asked > 0 ? asked : policy.amount,
                                             policy.form == deadlines::ExtensionForm::kAtMost ? policy.amount : 0};
      tasks::apply_deadline(a, tasks::replan_deadline(*setup_.profile, *setup_.calendar, std::move(basis)));
    });
    return after;
  });
}

Task TaskStore::task(std::int64_t task_id) const {
  // A read: no row lock (TaskTx::load locks for the changes that follow it).
  const auto rows = read_statement(url_, [&](pqxx::nontransaction& tx) { return tx.exec_params(kSelectTaskById, task_id); });
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "task " + std::to_string(task_id) + " does not exist");
  return task_of(rows[0]);
}

std::vector<tasks::TaskEvent> TaskStore::events(std::int64_t task_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<tasks::TaskEvent> out;
    for (const auto& r : tx.exec_params(kSelectEvents, task_id))
      out.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>(), *instant_of(r[2]), r[3].c_str(), r[4].c_str(),
                     r[5].c_str(), r[8].c_str(), nlohmann::json::parse(r[6].c_str()),
                     nlohmann::json::parse(r[7].c_str())});
    return out;
  });
}

std::vector<std::int64_t> TaskStore::finding_ids(std::int64_t task_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx.exec_params(kSelectFindingIds, task_id)) out.push_back(r[0].as<std::int64_t>());
    return out;
  });
}

std::vector<tasks::VerificationFlag> TaskStore::flags_for_subject(const std::string& subject_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<tasks::VerificationFlag> out;
    for (const auto& r : tx.exec_params(kFlagsOfSubject, subject_id)) out.push_back(flag_of(r));
    return out;
  });
}

std::vector<tasks::VerificationFlag> TaskStore::flags_for_record(const std::string& dataset_id,
                                                                 const std::string& record_key) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<tasks::VerificationFlag> out;
    for (const auto& r : tx.exec_params(kFlagsOfRecord, dataset_id, record_key)) out.push_back(flag_of(r));
    return out;
  });
}

}  // namespace jiaohe::engine::store
