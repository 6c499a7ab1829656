#include "engine/tasks/task_flow.hpp"

#include "engine/calendar/local_time.hpp"
#include "engine/log/mask.hpp"
#include "engine/tasks/task_deadline.hpp"
#include "engine/tasks/task_state_machine.hpp"

namespace jiaohe::engine::tasks {
namespace {

// The flagged records as the platform's notifications name them. A webhook leaves the process,
// so the subject is masked; the platform reads the full one with GET /v1/flags?subject=.
nlohmann::json flags_payload(const std::vector<VerificationFlag>& flags) {
  const auto text = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : flags)
    out.push_back({{"subject_id", f.subject_id.empty() ? nlohmann::json() : nlohmann::json(log::mask_identifier(f.subject_id))},
                   {"dataset_id", text(f.dataset_id)},
                   {"record_key", text(f.record_key)},
                   {"attribute", text(f.attribute)}});
  return out;
}

}  // namespace

Task open_task(TaskWrites& w, Task t, const Actor& actor, const std::string& reason,
               const std::optional<deadlines::TimeLimit>& limit, const nlohmann::json& notice) {
  const auto& setup = w.setup();
  const auto& procedure = setup.profile->procedure(kind_name(t.kind));
  t.step = procedure.id + " (" + procedure.article + ")";
  t.status = TaskStatus::kOpen;
  t.received_at = w.now();
  t.deadline_version = 0;  // apply_deadline makes the first deadline version 1
  apply_deadline(t, plan_deadline(*setup.profile, *setup.calendar, t.kind, w.now(), limit));
  t.id = w.insert_task(t, next_fire_at(t));
  nlohmann::json after = snapshot(t);
  after["kind"] = kind_name(t.kind);
  after["assignee"] = t.assignee;
  after["deadline_basis"] = deadlines::to_json(t.basis);
  const auto event_id = w.insert_event(t.id, "opened", actor, nullptr, after, reason);
  notify(w, t, "task_opened", t.assignee, "task_opened:" + std::to_string(t.id), event_id, notice);
  return t;
}

Task act(TaskWrites& w, const Task& task, TaskAction action, const Actor& actor, const std::string& reason,
         const std::function<void(Task&)>& change, std::int64_t requested_extension) {
  TransitionContext context;
  context.kind = task.kind;
  context.assignee = task.assignee;
  context.extensions = task.extensions;
  context.extension = w.setup().profile->procedure(kind_name(task.kind)).extension;
  context.requested_extension = requested_extension;
  context.extension_requester = task.extension_requester;
  Task after = task;
  after.status = next_status(task.status, action, actor, context);
  if (change) change(after);
  // Stamped here, not only in the row: the caller answers with the task it gets back.
  if (is_final(after.status) && !after.closed_at) after.closed_at = w.now();
  save(w, task, after, action_name(action), actor, reason);
  return after;
}

std::int64_t save(TaskWrites& w, const Task& before, const Task& after, const std::string& action,
                  const Actor& actor, const std::string& reason, const nlohmann::json& detail) {
  Task t = after;
  if (is_final(t.status) && !t.closed_at) t.closed_at = w.now();
  w.update_task(t, next_fire_at(t));
  nlohmann::json after_json = snapshot(t);
  if (detail.is_object()) after_json.update(detail);
  const auto id = w.insert_event(t.id, action, actor, snapshot(before), after_json, reason);
  if (is_final(t.status) && !is_final(before.status)) {
    const auto cleared = w.clear_flags(t.id);
    if (!cleared.empty()) {
      const auto cleared_event =
          w.insert_event(t.id, "flags_cleared", actor, nlohmann::json{{"flags", cleared.size()}},
                         nlohmann::json{{"flags", 0}}, "the task closed: the record is no longer under verification");
      notify(w, t, "record_unflagged", kFlagRecipient, "record_unflagged:" + std::to_string(t.id), cleared_event,
             {{"flags", flags_payload(cleared)}});
    }
  }
  return id;
}

bool announce_flags(TaskWrites& w, const Task& task, const Actor& actor) {
  const auto flags = w.live_flags(task.id);
  if (flags.empty()) return false;
  const auto event_id = w.insert_event(task.id, "flags_set", actor, nlohmann::json{{"flags", 0}},
                                       nlohmann::json{{"flags", flags.size()}}, kFlagsSetReason);
  notify(w, task, "record_flagged", kFlagRecipient, "record_flagged:" + std::to_string(task.id), event_id,
         {{"flags", flags_payload(flags)}});
  return true;
}

void notify(TaskWrites& w, const Task& task, const std::string& kind, const std::string& recipient,
            const std::string& key, std::int64_t event_id, nlohmann::json payload) {
  payload["kind"] = kind;
  payload["idempotency_key"] = key;
  payload["task"] = {{"id", task.id},
                     {"kind", kind_name(task.kind)},
                     {"assignee", task.assignee},
                     {"step", task.step},
                     {"status", status_name(task.status)},
                     {"assigned_to", person_json(task.assigned_to)},
                     {"due_at", task.due_at ? nlohmann::json(calendar::format_instant(*task.due_at)) : nlohmann::json()}};
  if (task.dispute_id) payload["dispute_id"] = *task.dispute_id;
  w.queue_notification(key, task.id, event_id, recipient, kind, payload);
}

}  // namespace jiaohe::engine::tasks
