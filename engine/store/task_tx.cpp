#include "engine/store/task_tx.hpp"

#include "engine/error.hpp"
#include "engine/store/named_statement.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

using tasks::Task;

const std::string kSelectTask = kSelectTaskById + " FOR UPDATE";
const NamedStatement kInsertTask("jiaohe_insert_task", R"sql(
  INSERT INTO tasks (kind, assignee, step, status, received_at, due_at, provisional, deadline_basis,
                     deadline_version, reminder_at, next_fire_at, dispute_id, parent_task_id, scan_id, dataset_id,
                     rule_id, created_at, assigned_staff_id, assigned_name)
  VALUES ($1, $2, $3, 'open', $4::timestamptz, $5::timestamptz, $6, $7::jsonb, $8, $9::timestamptz,
          $10::timestamptz, $11, $12, $13, $14, $15, $16::timestamptz, $17, $18)
  RETURNING id)sql");
constexpr const char* kUpdateTask = R"sql(
  UPDATE tasks SET status = $2, resolution = nullif($3, ''), resolution_reason = nullif($4, ''),
    flags = ARRAY(SELECT jsonb_array_elements_text($5::jsonb)), due_at = $6::timestamptz, provisional = $7,
    deadline_basis = $8::jsonb, deadline_version = $9, reminder_at = $10::timestamptz, extensions = $11,
    extension_asked = $12, reminder_fired = $13, overdue_fired = $14, overdue = $15, next_fire_at = $16::timestamptz,
    answered_at = $17::timestamptz, closed_at = $18::timestamptz, assigned_staff_id = $19, assigned_name = $20,
    extension_requester_token = $21, extension_requester_staff = $22
  WHERE id = $1)sql";
const NamedStatement kInsertEvent("jiaohe_insert_event", R"sql(
  INSERT INTO task_events (task_id, at, actor, actor_role, action, before, after, reason, token_id, staff_id, staff_name)
  VALUES ($1, $2::timestamptz, $3, $4, $5, $6::jsonb, $7::jsonb, nullif($8, ''), nullif($9::bigint, 0), $10, $11)
  RETURNING id)sql");
const NamedStatement kInsertOutbox("jiaohe_insert_outbox", R"sql(
  INSERT INTO outbox (idempotency_key, task_id, event_id, recipient, kind, payload, next_attempt_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::timestamptz, $7::timestamptz)
  ON CONFLICT (idempotency_key) DO NOTHING)sql");
const NamedStatement kInsertFlag("jiaohe_insert_flag", R"sql(
  INSERT INTO verification_flags (subject_id, dataset_id, record_key, attribute, task_id, set_at)
  VALUES ($1, $2, $3, $4, $5, $6::timestamptz))sql");
const std::string kLiveFlags = std::string("SELECT ") + kFlagColumns + R"sql(
  FROM verification_flags f JOIN tasks t ON t.id = f.task_id
  WHERE f.task_id = $1 AND f.cleared_at IS NULL ORDER BY f.id)sql";
const std::string kClearFlags = std::string(R"sql(
  UPDATE verification_flags f SET cleared_at = $2::timestamptz FROM tasks t
  WHERE f.task_id = $1 AND f.cleared_at IS NULL AND t.id = f.task_id
  RETURNING )sql") + kFlagColumns;
constexpr const char* kStaffMember =
    "SELECT staff_id, name FROM staff WHERE unit = $1 AND staff_id = $2 FOR SHARE";

template <typename T>
std::optional<T> optional_of(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<T>();
}

std::optional<std::string> assigned_id(const Task& t) {
  return t.assigned_to ? std::optional<std::string>(t.assigned_to->staff_id) : std::nullopt;
}
std::optional<std::string> assigned_name(const Task& t) {
  return t.assigned_to ? std::optional<std::string>(t.assigned_to->name) : std::nullopt;
}

std::optional<std::string> text_of(const std::optional<std::int64_t>& v) {
  return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
}

}  // namespace

tasks::Task task_of(const pqxx::row& r) {
  tasks::Task t;
  t.id = r[0].as<std::int64_t>();
  t.kind = *tasks::parse_kind(r[1].c_str());
  t.assignee = r[2].c_str();
  t.step = r[3].c_str();
  t.status = *tasks::parse_status(r[4].c_str());
  t.resolution = r[5].c_str();
  t.resolution_reason = r[6].c_str();
  for (const auto& f : nlohmann::json::parse(r[7].c_str())) t.flags.push_back(f.get<std::string>());
  t.received_at = *instant_of(r[8]);
  t.due_at = instant_of(r[9]);
  t.provisional = r[10].as<bool>();
  if (!r[11].is_null()) t.basis = deadlines::basis_from_json(nlohmann::json::parse(r[11].c_str()));  // lists: NULL
  t.deadline_version = r[12].as<int>();
  t.reminder_at = instant_of(r[13]);
  t.extensions = r[14].as<int>();
  t.extension_asked = optional_of<std::int64_t>(r[15]);
  t.reminder_fired = r[16].as<bool>();
  t.overdue_fired = r[17].as<bool>();
  t.overdue = r[18].as<bool>();
  t.dispute_id = optional_of<std::int64_t>(r[19]);
  t.parent_task_id = optional_of<std::int64_t>(r[20]);
  t.scan_id = optional_of<std::int64_t>(r[21]);
  t.dataset_id = r[22].c_str();
  t.rule_id = r[23].c_str();
  t.answered_at = instant_of(r[24]);
  t.closed_at = instant_of(r[25]);
  if (!r[26].is_null()) t.assigned_to = tasks::Person{r[26].c_str(), r[27].c_str()};
  if (!r[28].is_null() || !r[29].is_null())
    t.extension_requester = tasks::ActorRef{optional_of<std::int64_t>(r[28]).value_or(0), r[29].is_null() ? "" : r[29].c_str()};
  return t;
}

Task TaskTx::load_task(std::int64_t id) {
  const auto rows = tx_.exec_params(kSelectTask, id);
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "task " + std::to_string(id) + " does not exist");
  return task_of(rows[0]);
}

std::int64_t TaskTx::insert_task(const Task& t, std::optional<Instant> next_fire_at) {
  const auto rows = exec_prepared_sql(
      tx_, kInsertTask, tasks::kind_name(t.kind), t.assignee, t.step, to_pg_timestamp(t.received_at), pg_time(t.due_at),
      t.provisional, deadlines::to_json(t.basis).dump(), t.deadline_version, pg_time(t.reminder_at),
      pg_time(next_fire_at), text_of(t.dispute_id), text_of(t.parent_task_id), text_of(t.scan_id),
      null_if_empty(t.dataset_id), null_if_empty(t.rule_id), to_pg_timestamp(now_), assigned_id(t), assigned_name(t));
  return rows[0][0].as<std::int64_t>();
}

void TaskTx::update_task(const Task& t, std::optional<Instant> next_fire_at) {
  nlohmann::json flags = t.flags;
  std::optional<std::string> requester_token, requester_staff;
  if (t.extension_requester) {
    if (t.extension_requester->token_id != 0) requester_token = std::to_string(t.extension_requester->token_id);
    requester_staff = null_if_empty(t.extension_requester->staff_id);
  }
  tx_.exec_params(kUpdateTask, t.id, tasks::status_name(t.status), t.resolution, t.resolution_reason, flags.dump(),
                  pg_time(t.due_at), t.provisional, deadlines::to_json(t.basis).dump(), t.deadline_version,
                  pg_time(t.reminder_at), t.extensions, text_of(t.extension_asked), t.reminder_fired, t.overdue_fired,
                  t.overdue, pg_time(next_fire_at), pg_time(t.answered_at), pg_time(t.closed_at), assigned_id(t),
                  assigned_name(t), requester_token, requester_staff);
}

std::optional<tasks::Person> TaskTx::staff_member(const std::string& unit, const std::string& staff_id) {
  const auto rows = tx_.exec_params(kStaffMember, unit, staff_id);
  if (rows.empty()) return std::nullopt;
  return tasks::Person{rows[0][0].c_str(), rows[0][1].c_str()};
}

tasks::VerificationFlag flag_of(const pqxx::row& r) {
  return {r[0].as<std::int64_t>(), r[1].c_str(), r[2].c_str(), r[3].c_str(), r[4].c_str(), *instant_of(r[5]),
          r[6].c_str()};
}

std::vector<tasks::VerificationFlag> TaskTx::live_flags(std::int64_t task_id) {
  std::vector<tasks::VerificationFlag> out;
  for (const auto& r : tx_.exec_params(kLiveFlags, task_id)) out.push_back(flag_of(r));
  return out;
}

std::vector<tasks::VerificationFlag> TaskTx::clear_flags(std::int64_t task_id) {
  std::vector<tasks::VerificationFlag> out;
  for (const auto& r : tx_.exec_params(kClearFlags, task_id, to_pg_timestamp(now_))) out.push_back(flag_of(r));
  return out;
}

std::int64_t TaskTx::insert_event(std::int64_t task_id, const std::string& action, const tasks::Actor& actor,
                                  const nlohmann::json& before, const nlohmann::json& after, const std::string& reason) {
  const auto json_or_null = [](const nlohmann::json& j) {
    return j.is_null() ? std::optional<std::string>() : std::optional<std::string>(j.dump());
  };
  const auto rows = exec_prepared_sql(tx_, kInsertEvent, task_id, to_pg_timestamp(now_), actor.name,
                                      tasks::role_name(actor.role), action, json_or_null(before), json_or_null(after),
                                      reason, actor.token_id,
                                      actor.person ? std::optional(actor.person->staff_id) : std::nullopt,
                                      actor.person ? std::optional(actor.person->name) : std::nullopt);
  return rows[0][0].as<std::int64_t>();
}

void TaskTx::queue_notification(const std::string& key, std::int64_t task_id, std::int64_t event_id,
                                const std::string& recipient, const std::string& kind, const nlohmann::json& payload) {
  exec_prepared_sql(tx_, kInsertOutbox, key, task_id, event_id, recipient, kind, payload.dump(), to_pg_timestamp(now_));
}

void TaskTx::insert_flag(std::int64_t task_id, const std::optional<std::string>& subject,
                         const std::optional<std::string>& dataset, const std::optional<std::string>& record,
                         const std::optional<std::string>& attribute) {
  exec_prepared_sql(tx_, kInsertFlag, subject, dataset, record, attribute, task_id, to_pg_timestamp(now_));
}

}  // namespace jiaohe::engine::store
