// The dataset publication rows of the workflow's unit of work (TaskTx's tasks::ExposureWrites
// part): which tasks verify findings of a rule kind, and dataset_publication (V015).
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kVerifiesRuleKind = R"sql(
  SELECT EXISTS (SELECT 1 FROM task_findings tf JOIN findings f ON f.id = tf.finding_id
                 WHERE tf.task_id = $1 AND f.kind = $2))sql";
constexpr const char* kLiveTasksOfRuleKind = R"sql(
  SELECT count(DISTINCT t.id) FROM tasks t
  JOIN task_findings tf ON tf.task_id = t.id JOIN findings f ON f.id = tf.finding_id
  WHERE t.kind = 'verify_finding' AND t.dataset_id = $1 AND t.status NOT IN ('closed', 'forwarded') AND f.kind = $2)sql";
constexpr const char* kDatasetPublication = "SELECT state FROM dataset_publication WHERE dataset_id = $1";
constexpr const char* kSetDatasetPublication = R"sql(
  INSERT INTO dataset_publication (dataset_id, state, changed_at, task_id) VALUES ($1, $2, $3::timestamptz, $4)
  ON CONFLICT (dataset_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at,
                                         task_id = excluded.task_id)sql";

}  // namespace

bool TaskTx::verifies_rule_kind(std::int64_t task_id, const std::string& rule_kind) {
  return tx_.exec_params(kVerifiesRuleKind, task_id, rule_kind)[0][0].as<bool>();
}

int TaskTx::live_tasks_of_rule_kind(const std::string& dataset_id, const std::string& rule_kind) {
  return tx_.exec_params(kLiveTasksOfRuleKind, dataset_id, rule_kind)[0][0].as<int>();
}

std::optional<disputes::Publication> TaskTx::dataset_publication(const std::string& dataset_id) {
  const auto rows = tx_.exec_params(kDatasetPublication, dataset_id);
  if (rows.empty()) return std::nullopt;
  return disputes::parse_publication(rows[0][0].c_str());
}

void TaskTx::set_dataset_publication(const std::string& dataset_id, disputes::Publication state,
                                     std::int64_t task_id, Instant at) {
  tx_.exec_params(kSetDatasetPublication, dataset_id, disputes::publication_name(state), to_pg_timestamp(at), task_id);
}

}  // namespace jiaohe::engine::store
