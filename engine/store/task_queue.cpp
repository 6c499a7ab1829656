#include "engine/store/task_queue.hpp"

#include "engine/store/connection_pool.hpp"
#include "engine/store/finding_row.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

// The queue's statement holds only the filters a request sets, so each combination gets its own
// text, prepared once per connection under a name of its own: its generic plan is then the plan
// for exactly those filters (an agency's queue reads tasks_queue_by_assignee), and a request
// pays neither parsing nor planning. A present filter's values are non-null parameters.
struct QueueStatement {
  std::string name, sql;
  std::vector<std::string> params;
};

// A task's columns as task_of reads them, without the deadline basis: no list shows it, and
// parsing its JSON was the largest part of turning a page's rows into tasks. Listed tasks
// therefore carry an empty basis.
const std::string kQueueColumns = [] {
  std::string columns = kTaskColumns;
  const std::string basis = "deadline_basis::text";
  columns.replace(columns.find(basis), basis.size(), "NULL::text");
  return columns;
}();

QueueStatement queue_statement(const TaskFilter& f, const PageQuery& page) {
  std::string mask, where;
  std::vector<std::string> params;
  const auto add = [&](bool present, const std::string& condition, std::vector<std::string> values) {
    mask += present ? '1' : '0';
    if (!present) return;
    std::string c = condition;  // each "?" stands for the next parameter, in order
    for (auto& v : values) {
      params.push_back(std::move(v));
      c.replace(c.find('?'), 1, "$" + std::to_string(params.size()));
    }
    where += where.empty() ? " WHERE " : " AND ";
    where += c;
  };
  add(!f.visible_to.empty(), "assignee = ?::text", {f.visible_to});
  add(!f.assignee.empty(), "assignee = ?::text", {f.assignee});
  add(f.status.has_value(), "status = ?::text", {f.status ? std::string(tasks::status_name(*f.status)) : ""});
  add(f.kind.has_value(), "kind = ?::text", {f.kind ? std::string(tasks::kind_name(*f.kind)) : ""});
  add(!f.dataset_id.empty(), "dataset_id = ?::text", {f.dataset_id});
  add(f.due_before.has_value(), "due_at < ?::timestamptz", {f.due_before ? to_pg_timestamp(*f.due_before) : ""});
  add(f.overdue.has_value(),
      "?::boolean = coalesce(due_at < ?::timestamptz AND status IN ('open', 'in_progress', 'extension_requested', "
      "'reopened'), false)",
      {f.overdue && *f.overdue ? "true" : "false", to_pg_timestamp(f.now)});
  add(page.before_id != 0, "id < ?::bigint", {std::to_string(page.before_id)});
  add(!f.assigned_to.empty(), "assigned_staff_id = ?::text", {f.assigned_to});
  add(f.unassigned, "assigned_staff_id IS NULL", {});
  params.push_back(std::to_string(page.limit + 1));
  return {"jiaohe_list_tasks_" + mask,
          "SELECT " + kQueueColumns + " FROM tasks" + where + " ORDER BY id DESC LIMIT $" +
              std::to_string(params.size()) + "::bigint",
          std::move(params)};
}

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
    const auto statement = queue_statement(f, page);
    tx.conn().prepare(statement.name, statement.sql);  // once per connection (libpqxx keeps it)
    std::vector<tasks::Task> rows;
    for (const auto& r : tx.exec_prepared(statement.name, pqxx::prepare::make_dynamic_params(statement.params)))
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
