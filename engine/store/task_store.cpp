#include "engine/store/task_store.hpp"

#include "engine/error.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

using tasks::Task;

constexpr const char* kSelectEvents = R"sql(
  SELECT id, task_id, jiaohe_micros(at), actor, actor_role, action, coalesce(before::text, 'null'),
         coalesce(after::text, 'null'), coalesce(reason, ''), coalesce(token_id, 0), staff_id, coalesce(staff_name, '')
  FROM task_events WHERE task_id = $1 ORDER BY id)sql";
constexpr const char* kSelectFindingIds = "SELECT finding_id FROM task_findings WHERE task_id = $1 ORDER BY finding_id";
const std::string kFlagsOfSubject = std::string("SELECT ") + kFlagColumns + R"sql(
  FROM verification_flags f JOIN tasks t ON t.id = f.task_id
  WHERE f.subject_id = $1 AND f.cleared_at IS NULL ORDER BY f.id)sql";
const std::string kFlagsOfRecord = std::string("SELECT ") + kFlagColumns + R"sql(
  FROM verification_flags f JOIN tasks t ON t.id = f.task_id
  WHERE f.dataset_id = $1 AND f.record_key = $2 AND f.cleared_at IS NULL ORDER BY f.id)sql";

const std::string kDueBy = std::string("SELECT ") + kTaskColumns +
                           " FROM tasks WHERE next_fire_at <= $1::timestamptz ORDER BY next_fire_at, id";

}  // namespace

TaskStore::TaskStore(std::string url) : url_(std::move(url)) {}

Task TaskStore::task(std::int64_t task_id) const {
  // A read: no row lock (TaskTx::load_task locks for the changes that follow it).
  const auto rows = read_statement(url_, [&](pqxx::nontransaction& tx) { return tx.exec_params(kSelectTaskById, task_id); });
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "task " + std::to_string(task_id) + " does not exist");
  return task_of(rows[0]);
}

std::vector<tasks::TaskEvent> TaskStore::events(std::int64_t task_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<tasks::TaskEvent> out;
    for (const auto& r : tx.exec_params(kSelectEvents, task_id)) {
      tasks::TaskEvent e{r[0].as<std::int64_t>(), r[1].as<std::int64_t>(), *instant_of(r[2]), r[3].c_str(), r[4].c_str(),
                         r[5].c_str(), r[8].c_str(), nlohmann::json::parse(r[6].c_str()),
                         nlohmann::json::parse(r[7].c_str())};
      e.token_id = r[9].as<std::int64_t>();
      if (!r[10].is_null()) e.person = tasks::Person{r[10].c_str(), r[11].c_str()};
      out.push_back(std::move(e));
    }
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

std::vector<Task> TaskStore::due_by(Instant at) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<Task> out;
    for (const auto& r : tx.exec_params(kDueBy, to_pg_timestamp(at))) out.push_back(task_of(r));
    return out;
  });
}

}  // namespace jiaohe::engine::store
