#include "engine/store/task_queue.hpp"

#include "engine/store/connection_pool.hpp"
#include "engine/store/finding_row.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

// Unset filters are NULL parameters, so one statement serves every combination.
const std::string kListTasks = std::string("SELECT ") + kTaskColumns + R"sql(
  FROM tasks
  WHERE ($1::text IS NULL OR assignee = $1) AND ($2::text IS NULL OR assignee = $2)
    AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR kind = $4)
    AND ($5::text IS NULL OR dataset_id = $5) AND ($6::timestamptz IS NULL OR due_at < $6::timestamptz)
    AND ($7::boolean IS NULL OR $7 = coalesce(due_at < $8::timestamptz
                                              AND status IN ('open', 'in_progress', 'extension_requested', 'reopened'),
                                              false))
    AND ($9::bigint = 0 OR id < $9)
    AND ($11::text IS NULL OR assigned_staff_id = $11) AND (NOT $12::boolean OR assigned_staff_id IS NULL)
  ORDER BY id DESC LIMIT $10)sql";
const std::string kTaskFindings = "SELECT " + kFindingColumns + R"sql(, evidence::text, coalesce(tf.outcome, '')
  FROM task_findings tf JOIN findings f ON f.id = tf.finding_id WHERE tf.task_id = $1 ORDER BY f.id)sql";
constexpr const char* kTaskValues = R"sql(
  SELECT DISTINCT v.subject_id, v.dataset_id, v.record_key, v.attribute, v.value
  FROM task_findings tf JOIN findings f ON f.id = tf.finding_id
  JOIN canonical_values v ON v.subject_id = f.subject_id AND v.attribute = f.attribute
  WHERE tf.task_id = $1 ORDER BY 1, 4, 2, 3)sql";

}  // namespace

TaskQueue::TaskQueue(std::string url) : url_(std::move(url)) {}

Page<tasks::Task> TaskQueue::list(const TaskFilter& f, const PageQuery& page) const {
  return read_statement(url_, [&](pqxx::nontransaction& tx) {
    const auto status = f.status ? std::optional(tasks::status_name(*f.status)) : std::nullopt;
    const auto kind = f.kind ? std::optional(tasks::kind_name(*f.kind)) : std::nullopt;
    const auto due_before = f.due_before ? std::optional(to_pg_timestamp(*f.due_before)) : std::nullopt;
    std::vector<tasks::Task> rows;
    for (const auto& r : tx.exec_params(kListTasks, null_if_empty(f.visible_to), null_if_empty(f.assignee), status, kind,
                                        null_if_empty(f.dataset_id), due_before, f.overdue, to_pg_timestamp(f.now),
                                        page.before_id, page.limit + 1, null_if_empty(f.assigned_to), f.unassigned))
      rows.push_back(task_of(r));
    return page_of(std::move(rows), page, [](const tasks::Task& t) { return t.id; });
  });
}

std::vector<TaskFinding> TaskQueue::findings(std::int64_t task_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<TaskFinding> out;
    for (const auto& r : tx.exec_params(kTaskFindings, task_id)) out.push_back({finding_of(r), r[19].c_str()});
    return out;
  });
}

std::vector<SubjectValue> TaskQueue::values(std::int64_t task_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<SubjectValue> out;
    for (const auto& r : tx.exec_params(kTaskValues, task_id))
      out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(), r[3].c_str(), r[4].c_str()});
    return out;
  });
}

}  // namespace jiaohe::engine::store
