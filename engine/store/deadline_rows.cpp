// The timer rows of the workflow's unit of work (TaskTx's tasks::DeadlineWrites part).
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kTakeDue = R"sql(
  SELECT id FROM tasks WHERE next_fire_at <= $1::timestamptz
  ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED)sql";
constexpr const char* kFireKey = R"sql(
  INSERT INTO task_timer_fires (task_id, kind, deadline_version, fired_at) VALUES ($1, $2, $3, $4::timestamptz)
  ON CONFLICT DO NOTHING)sql";
constexpr const char* kStaleBases = R"sql(
  SELECT id FROM tasks
  WHERE status NOT IN ('closed', 'forwarded')
    AND (deadline_basis->>'calendar_version' IS DISTINCT FROM $1 OR deadline_basis->>'profile_version' IS DISTINCT FROM $2)
  ORDER BY id FOR UPDATE SKIP LOCKED)sql";

std::vector<std::int64_t> ids_of(const pqxx::result& rows) {
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r[0].as<std::int64_t>());
  return ids;
}

}  // namespace

std::vector<std::int64_t> TaskTx::take_due(int batch) {
  return ids_of(tx_.exec_params(kTakeDue, to_pg_timestamp(now_), batch));
}

bool TaskTx::claim_fire(std::int64_t task_id, const std::string& kind, int deadline_version) {
  return tx_.exec_params(kFireKey, task_id, kind, deadline_version, to_pg_timestamp(now_)).affected_rows() == 1;
}

std::vector<std::int64_t> TaskTx::stale_bases(const std::string& calendar_version, const std::string& profile_version) {
  return ids_of(tx_.exec_params(kStaleBases, calendar_version, profile_version));
}

}  // namespace jiaohe::engine::store
