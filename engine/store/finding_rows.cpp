// The finding rows of the workflow's unit of work (TaskTx's tasks::FindingWrites part).
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kFindingTasksLock = "SELECT pg_advisory_xact_lock(hashtext('jiaohe.finding_tasks'))";
constexpr const char* kKeepAccepted = R"sql(
  UPDATE findings SET status = 'accepted'
  WHERE status = 'open' AND answer = 'confirmed_accurate' AND coalesce(evidence->'value', evidence) = accepted_value)sql";
constexpr const char* kLiftAcceptance = R"sql(
  UPDATE findings SET answer = NULL, accepted_value = NULL
  WHERE status = 'open' AND answer = 'confirmed_accurate')sql";
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

std::string json_ids(const std::vector<std::int64_t>& ids) { return nlohmann::json(ids).dump(); }

}  // namespace

void TaskTx::lock_finding_tasks() { tx_.exec(kFindingTasksLock); }
int TaskTx::keep_accepted() { return static_cast<int>(tx_.exec(kKeepAccepted).affected_rows()); }
int TaskTx::lift_acceptance() { return static_cast<int>(tx_.exec(kLiftAcceptance).affected_rows()); }
void TaskTx::forget_resolved_answers() { tx_.exec(kForgetAnswers); }

std::vector<std::int64_t> TaskTx::live_finding_tasks() {
  std::vector<std::int64_t> ids;
  for (const auto& r : tx_.exec(kLiveFindingTasks)) ids.push_back(r[0].as<std::int64_t>());
  return ids;
}

std::vector<tasks::FindingState> TaskTx::finding_states(std::int64_t task_id, std::int64_t scan_id) {
  std::vector<tasks::FindingState> out;
  for (const auto& r : tx_.exec_params(kTaskFindingStates, task_id, scan_id))
    out.push_back({r[0].as<std::int64_t>(), r[1].c_str(), r[2].as<bool>(), r[3].as<bool>()});
  return out;
}

void TaskTx::set_outcome(std::int64_t task_id, const std::vector<std::int64_t>& ids, const std::string& outcome) {
  tx_.exec_params(kSetOutcome, task_id, json_ids(ids), outcome);
}

void TaskTx::set_all_outcomes(std::int64_t task_id, const std::string& outcome) {
  tx_.exec_params(kSetAllOutcomes, task_id, outcome);
}

void TaskTx::clear_finding_answers(const std::vector<std::int64_t>& ids) {
  tx_.exec_params(kClearFindingAnswer, json_ids(ids));
}

std::vector<tasks::UntaskedFindings> TaskTx::untasked_findings() {
  std::vector<tasks::UntaskedFindings> out;
  for (const auto& r : tx_.exec(kUntaskedFindings))
    out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(),
                   nlohmann::json::parse(r[3].c_str()).get<std::vector<std::int64_t>>()});
  return out;
}

void TaskTx::link_findings(std::int64_t task_id, const std::vector<std::int64_t>& ids) {
  tx_.exec_params(kLinkFindings, task_id, json_ids(ids));
}

void TaskTx::flag_findings(std::int64_t task_id, const std::vector<std::int64_t>& ids) {
  tx_.exec_params(kFlagFindings, task_id, to_pg_timestamp(now_), json_ids(ids));
}

void TaskTx::record_finding_answer(std::int64_t task_id, const std::string& answer) {
  tx_.exec_params(kAnswerFindings, task_id, answer);
}

}  // namespace jiaohe::engine::store
