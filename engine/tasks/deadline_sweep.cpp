#include "engine/tasks/deadline_sweep.hpp"

#include "engine/calendar/local_time.hpp"
#include "engine/disputes/dispute_claim.hpp"
#include "engine/store/task_store.hpp"
#include "engine/tasks/task_deadline.hpp"
#include "engine/tasks/task_flow.hpp"
#include "engine/tasks/unit_of_work.hpp"

namespace jiaohe::engine::tasks {
namespace {

const Actor kSweeper = system_actor("sweeper");

std::string key(const std::string& kind, const Task& task) {
  return kind + ":" + std::to_string(task.id) + ":" + std::to_string(task.deadline_version);
}

bool claim(UnitOfWork& u, const Task& task, const std::string& kind) {
  return u.claim_fire(task.id, kind, task.deadline_version);
}

// `payload` of a reminder or overdue notice with, for a dispute's task, the party's claim the
// assignee has to verify (the task and its deadline are added by notify).
nlohmann::json with_claim(UnitOfWork& u, const Task& task, nlohmann::json payload) {
  if (task.dispute_id) payload["claim"] = disputes::claim_payload(u.load_dispute(*task.dispute_id));
  return payload;
}

void fire(UnitOfWork& u, std::int64_t id, SweepCounts& counts) {
  const Task before = u.load_task(id);
  Task task = before;
  const auto due = due_timers(before, u.now(), *u.setup().profile);
  bool recorded = false;  // whether an event already wrote the row
  if (due.reminder) {
    task.reminder_fired = true;
    if (claim(u, task, "reminder")) {
      const auto event = save(u, before, task, "reminder", kSweeper, "the deadline is near");
      // To the assignee's unit, naming the member of staff the task is assigned to, if any, with
      // the claim of a dispute's task.
      notify(u, task, "reminder", task.assignee, key("reminder", task), event,
             with_claim(u, task, {{"to", {{"unit", task.assignee}, {"person", person_json(task.assigned_to)}}}}));
      ++counts.reminders;
      recorded = true;
    }
  }
  if (due.overdue) {
    const Task reminded = task;
    task.overdue_fired = task.overdue = true;
    if (claim(u, task, "overdue")) {
      recorded = true;
      const auto event = save(u, reminded, task, "overdue", kSweeper, "the deadline passed without an answer");
      notify(u, task, "overdue", task.assignee, key("overdue", task), event,
             with_claim(u, task, nlohmann::json::object()));
      ++counts.overdue;
      if (!due.order.empty() && claim(u, task, "rectify")) {
        Task order;
        order.kind = *parse_kind(due.order);
        order.assignee = task.assignee;
        order.parent_task_id = task.id;
        order.dispute_id = task.dispute_id;
        order.dataset_id = task.dataset_id;
        order.rule_id = task.rule_id;
        order = open_task(u, order, kSweeper, "task " + std::to_string(task.id) + " went overdue (Art. 47)");
        const auto ordered = u.insert_event(task.id, "rectification_ordered", kSweeper, nullptr,
                                            nlohmann::json{{"rectify_task", order.id}}, "overdue (Art. 47)");
        notify(u, order, "rectification_order", order.assignee, "rectification_order:" + std::to_string(order.id),
               ordered, {{"overdue_task", task.id}});
        ++counts.rectifications;
      }
      return;
    }
  }
  // A fire key without our event means another run fired it: record only the settled timers.
  if (!recorded && (task.reminder_fired != before.reminder_fired || task.overdue_fired != before.overdue_fired))
    save(u, before, task, "timers_settled", kSweeper, "already fired by another sweeper");
}

}  // namespace

DueTimers due_timers(const Task& task, Instant now, const statute::StatuteProfile& profile) {
  DueTimers due;
  due.reminder = task.reminder_at && !task.reminder_fired && *task.reminder_at <= now;
  due.overdue = task.due_at && !task.overdue_fired && *task.due_at <= now && task.status != TaskStatus::kAnswered;
  if (due.overdue) due.order = profile.procedure(kind_name(task.kind)).on_overdue;
  return due;
}

std::string what_name(SweepAction::What what) {
  switch (what) {
    case SweepAction::What::kReminder: return "reminder";
    case SweepAction::What::kOverdue: return "overdue";
    case SweepAction::What::kRectificationOrder: return "rectification_order";
  }
  return "";
}

DeadlineSweep::DeadlineSweep(std::string url, WorkflowSetup setup) : db_{std::move(url), std::move(setup)} {}

SweepCounts DeadlineSweep::sweep(Instant now, int batch) {
  SweepCounts counts;
  for (;;) {
    const auto taken = store::in_unit(db_, now, [&](UnitOfWork& u) {
      const auto due = u.take_due(batch);
      for (const auto id : due) fire(u, id, counts);
      return due.size();
    });
    if (static_cast<int>(taken) < batch) return counts;
  }
}

std::vector<SweepAction> DeadlineSweep::preview(Instant at) const {
  std::vector<SweepAction> out;
  for (const auto& task : store::TaskStore(db_.url).due_by(at)) {
    const auto due = due_timers(task, at, *db_.setup.profile);
    if (due.reminder) out.push_back({SweepAction::What::kReminder, task, ""});
    if (due.overdue) out.push_back({SweepAction::What::kOverdue, task, ""});
    if (due.overdue && !due.order.empty()) out.push_back({SweepAction::What::kRectificationOrder, task, due.order});
  }
  return out;
}

int DeadlineSweep::recompute(Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    const auto& profile = *u.setup().profile;
    const auto& cal = *u.setup().calendar;
    int moved = 0;
    for (const auto id : u.stale_bases(cal.version(), profile.version)) {
      const Task before = u.load_task(id);
      auto basis = before.basis;
      const auto& procedure = profile.procedure(kind_name(before.kind));
      // Limits the authority set (a rule's deadline) stay; the profile's own follow the new version.
      if (procedure.limit_set_by != "authority") basis.limit = procedure.limit;
      basis.profile_id = profile.id;
      basis.profile_version = profile.version;
      Task after = before;
      apply_deadline(after, replan_deadline(profile, cal, std::move(basis)));
      const auto format = [](const std::optional<Instant>& i) {
        return i ? nlohmann::json(calendar::format_instant(*i)) : nlohmann::json();
      };
      save(u, before, after, "deadline_recomputed", system_actor("recompute"),
           "calendar " + cal.version().substr(0, 12) + " / profile " + profile.id + " v" + profile.version,
           {{"old_due_at", format(before.due_at)}, {"new_due_at", format(after.due_at)},
            {"old_calendar_version", before.basis.calendar_version},
            {"new_calendar_version", after.basis.calendar_version}});
      if (after.due_at != before.due_at) ++moved;
    }
    return moved;
  });
}

}  // namespace jiaohe::engine::tasks
