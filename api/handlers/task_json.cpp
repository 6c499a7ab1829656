#include "api/handlers/task_json.hpp"

#include "api/handlers/json_fields.hpp"

namespace jiaohe::api::handlers {

using engine::tasks::TaskStatus;
using nlohmann::json;

namespace {

// The statuses in which the assignee still has to act (engine::tasks::next_fire_at's reading).
bool awaiting_assignee(TaskStatus s) {
  return s == TaskStatus::kOpen || s == TaskStatus::kInProgress || s == TaskStatus::kExtensionRequested ||
         s == TaskStatus::kReopened;
}

}  // namespace

json task_json(const engine::tasks::Task& t, engine::Instant now) {
  return {{"id", t.id},
          {"kind", engine::tasks::kind_name(t.kind)},
          {"status", engine::tasks::status_name(t.status)},
          {"assignee", t.assignee},
          {"assigned_to", engine::tasks::person_json(t.assigned_to)},
          {"step", t.step},
          {"dataset_id", optional_text(t.dataset_id)},
          {"rule_id", optional_text(t.rule_id)},
          {"dispute_id", optional_value(t.dispute_id)},
          {"parent_task_id", optional_value(t.parent_task_id)},
          {"scan_id", optional_value(t.scan_id)},
          {"received_at", engine::calendar::format_instant(t.received_at)},
          {"due_at", optional_instant(t.due_at)},
          {"provisional", t.provisional},
          {"deadline_version", t.deadline_version},
          {"overdue", awaiting_assignee(t.status) && t.due_at && *t.due_at < now},
          {"marked_overdue", t.overdue},
          {"extensions", t.extensions},
          {"extension_requested", optional_value(t.extension_asked)},
          {"resolution", optional_text(t.resolution)},
          {"resolution_reason", optional_text(t.resolution_reason)},
          {"flags", t.flags},
          {"answered_at", optional_instant(t.answered_at)},
          {"closed_at", optional_instant(t.closed_at)}};
}

json event_json(const engine::tasks::TaskEvent& e) {
  return {{"id", e.id},
          {"at", engine::calendar::format_instant(e.at)},
          {"actor", e.actor},
          {"actor_role", e.actor_role},
          {"token_id", e.token_id == 0 ? json(nullptr) : json(e.token_id)},
          {"person", engine::tasks::person_json(e.person)},
          {"action", e.action},
          {"reason", optional_text(e.reason)},
          {"before", e.before},
          {"after", e.after}};
}

json comment_json(const engine::tasks::TaskEvent& e) {
  return {{"id", e.id},
          {"at", engine::calendar::format_instant(e.at)},
          {"text", e.reason},
          {"actor", e.actor},
          {"actor_role", e.actor_role},
          {"person", engine::tasks::person_json(e.person)}};
}

}  // namespace jiaohe::api::handlers
