#include "engine/store/deadline_store.hpp"

#include "engine/calendar/local_time.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/scan_store.hpp"
#include "engine/store/task_tx.hpp"
#include "engine/tasks/task_deadline.hpp"
#include "engine/tasks/task_flow.hpp"

namespace jiaohe::engine::store {
namespace {

using tasks::Task;

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

const tasks::Actor kSweeper = tasks::system_actor("sweeper");

// Writes the fire key; false when another sweeper (or an earlier run) already fired it.
bool claim(TaskTx& t, const Task& task, const std::string& kind) {
  return t.tx().exec_params(kFireKey, task.id, kind, task.deadline_version, to_pg_timestamp(t.now())).affected_rows() == 1;
}

std::string key(const std::string& kind, const Task& task) {
  return kind + ":" + std::to_string(task.id) + ":" + std::to_string(task.deadline_version);
}

void fire(TaskTx& t, std::int64_t id, SweepCounts& counts) {
  const Task before = t.load_task(id);
  Task task = before;
  const auto now = t.now();
  bool recorded = false;  // whether an event already wrote the row
  if (task.reminder_at && !task.reminder_fired && *task.reminder_at <= now) {
    task.reminder_fired = true;
    if (claim(t, task, "reminder")) {
      const auto event = tasks::save(t, before, task, "reminder", kSweeper, "the deadline is near");
      tasks::notify(t, task, "reminder", task.assignee, key("reminder", task), event);
      ++counts.reminders;
      recorded = true;
    }
  }
  if (task.due_at && !task.overdue_fired && *task.due_at <= now && task.status != tasks::TaskStatus::kAnswered) {
    const Task reminded = task;
    task.overdue_fired = task.overdue = true;
    if (claim(t, task, "overdue")) {
      recorded = true;
      const auto event = tasks::save(t, reminded, task, "overdue", kSweeper, "the deadline passed without an answer");
      tasks::notify(t, task, "overdue", task.assignee, key("overdue", task), event);
      ++counts.overdue;
      const auto& then = t.setup().profile->procedure(tasks::kind_name(task.kind)).on_overdue;
      if (!then.empty() && claim(t, task, "rectify")) {
        Task order;
        order.kind = *tasks::parse_kind(then);
        order.assignee = task.assignee;
        order.parent_task_id = task.id;
        order.dispute_id = task.dispute_id;
        order.dataset_id = task.dataset_id;
        order.rule_id = task.rule_id;
        order = tasks::open_task(t, order, kSweeper, "task " + std::to_string(task.id) + " went overdue (Art. 47)");
        const auto ordered = t.insert_event(task.id, "rectification_ordered", kSweeper, nullptr,
                                     nlohmann::json{{"rectify_task", order.id}}, "overdue (Art. 47)");
        tasks::notify(t, order, "rectification_order", order.assignee, "rectification_order:" + std::to_string(order.id),
                 ordered, {{"overdue_task", task.id}});
        ++counts.rectifications;
      }
      return;
    }
  }
  // A fire key without our event means another run fired it: record only the settled timers.
  if (!recorded && (task.reminder_fired != before.reminder_fired || task.overdue_fired != before.overdue_fired))
    tasks::save(t, before, task, "timers_settled", kSweeper, "already fired by another sweeper");
}

}  // namespace

DeadlineStore::DeadlineStore(std::string url, tasks::WorkflowSetup setup) : url_(std::move(url)), setup_(std::move(setup)) {}

SweepCounts DeadlineStore::sweep(Instant now, int batch) {
  SweepCounts counts;
  auto lease = connect(url_);
  auto& c = *lease;
  for (;;) {
    pqxx::work tx(c);
    TaskTx t(tx, setup_, now);
    const auto due = tx.exec_params(kTakeDue, to_pg_timestamp(now), batch);
    for (const auto& r : due) fire(t, r[0].as<std::int64_t>(), counts);
    tx.commit();
    if (static_cast<int>(due.size()) < batch) return counts;
  }
}

int DeadlineStore::recompute(Instant now) {
  auto lease = connect(url_);
  auto& c = *lease;
  pqxx::work tx(c);
  TaskTx t(tx, setup_, now);
  const auto& profile = *setup_.profile;
  int moved = 0;
  for (const auto& r : tx.exec_params(kStaleBases, setup_.calendar->version(), profile.version)) {
    const Task before = t.load_task(r[0].as<std::int64_t>());
    auto basis = before.basis;
    const auto& procedure = profile.procedure(tasks::kind_name(before.kind));
    // Limits the authority set (a rule's deadline) stay; the profile's own follow the new version.
    if (procedure.limit_set_by != "authority") basis.limit = procedure.limit;
    basis.profile_id = profile.id;
    basis.profile_version = profile.version;
    Task after = before;
    tasks::apply_deadline(after, tasks::replan_deadline(profile, *setup_.calendar, std::move(basis)));
    const auto format = [](const std::optional<Instant>& i) {
      return i ? nlohmann::json(calendar::format_instant(*i)) : nlohmann::json();
    };
    tasks::save(t, before, after, "deadline_recomputed", tasks::system_actor("recompute"),
           "calendar " + setup_.calendar->version().substr(0, 12) + " / profile " + profile.id + " v" + profile.version,
           {{"old_due_at", format(before.due_at)}, {"new_due_at", format(after.due_at)},
            {"old_calendar_version", before.basis.calendar_version},
            {"new_calendar_version", after.basis.calendar_version}});
    if (after.due_at != before.due_at) ++moved;
  }
  tx.commit();
  return moved;
}

}  // namespace jiaohe::engine::store
