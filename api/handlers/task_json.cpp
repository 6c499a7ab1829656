#include "api/handlers/task_json.hpp"

#include "api/handlers/json_fields.hpp"
#include "api/response_schema.hpp"

namespace jiaohe::api::handlers {

using engine::tasks::TaskStatus;
using nlohmann::json;

namespace {

// The statuses in which the assignee still has to act (engine::tasks::next_fire_at's reading).
bool awaiting_assignee(TaskStatus s) {
  return s == TaskStatus::kOpen || s == TaskStatus::kInProgress || s == TaskStatus::kExtensionRequested ||
         s == TaskStatus::kReopened;
}

// A person as engine::tasks::person_json writes one, or null.
json person_schema() {
  return schema::nullable(schema::record({{"staff_id", schema::text()}, {"name", schema::text()}}));
}

}  // namespace

const std::vector<std::string>& task_status_names() {
  static const std::vector<std::string> names = {"open",     "in_progress", "extension_requested", "answered",
                                                 "reopened", "verified",    "forwarded",           "closed"};
  return names;
}

const std::vector<std::string>& task_kind_names() {
  static const std::vector<std::string> names = {"verify_finding",    "verify_dispute", "forward_dispute",
                                                 "verify_withdrawal", "review",         "rectify"};
  return names;
}

json task_json(const engine::tasks::Task& t, engine::Instant now) {
  // Member by member rather than from an initializer list: nlohmann builds each {key, value}
  // of a list as a two-element array first, and a queue page writes fifty of these.
  json j = json::object();
  j["id"] = t.id;
  j["kind"] = engine::tasks::kind_name(t.kind);
  j["status"] = engine::tasks::status_name(t.status);
  j["assignee"] = t.assignee;
  j["assigned_to"] = engine::tasks::person_json(t.assigned_to);
  j["step"] = t.step;
  j["dataset_id"] = optional_text(t.dataset_id);
  j["rule_id"] = optional_text(t.rule_id);
  j["dispute_id"] = optional_value(t.dispute_id);
  j["parent_task_id"] = optional_value(t.parent_task_id);
  j["scan_id"] = optional_value(t.scan_id);
  j["received_at"] = engine::calendar::format_instant(t.received_at);
  j["due_at"] = optional_instant(t.due_at);
  j["provisional"] = t.provisional;
  j["deadline_version"] = t.deadline_version;
  j["overdue"] = awaiting_assignee(t.status) && t.due_at && *t.due_at < now;
  j["marked_overdue"] = t.overdue;
  j["extensions"] = t.extensions;
  j["extension_requested"] = optional_value(t.extension_asked);
  j["resolution"] = optional_text(t.resolution);
  j["resolution_reason"] = optional_text(t.resolution_reason);
  j["flags"] = t.flags;
  j["answered_at"] = optional_instant(t.answered_at);
  j["closed_at"] = optional_instant(t.closed_at);
  return j;
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

json task_schema() {
  using namespace schema;
  return component("Task", shape({{"id", integer()},
                                  {"kind", {{"enum", task_kind_names()}}},
                                  {"status", {{"enum", task_status_names()}}},
                                  {"assignee", text()},
                                  {"assigned_to", person_schema()},
                                  {"step", text()},
                                  {"dataset_id", nullable(text())},
                                  {"rule_id", nullable(text())},
                                  {"dispute_id", nullable(integer())},
                                  {"parent_task_id", nullable(integer())},
                                  {"scan_id", nullable(integer())},
                                  {"received_at", instant()},
                                  {"due_at", nullable(instant())},
                                  {"provisional", boolean()},
                                  {"deadline_version", integer()},
                                  {"overdue", boolean()},
                                  {"marked_overdue", boolean()},
                                  {"extensions", integer()},
                                  {"extension_requested", nullable(integer())},
                                  {"resolution", nullable(text())},
                                  {"resolution_reason", nullable(text())},
                                  {"flags", texts()},
                                  {"answered_at", nullable(instant())},
                                  {"closed_at", nullable(instant())}}));
}

json event_schema() {
  using namespace schema;
  // before and after: the task's state as engine::tasks::snapshot records it (null for none).
  return component("TaskEvent", shape({{"id", integer()},
                                       {"at", instant()},
                                       {"actor", text()},
                                       {"actor_role", text()},
                                       {"token_id", nullable(integer())},
                                       {"person", person_schema()},
                                       {"action", text()},
                                       {"reason", nullable(text())},
                                       {"before", {{"type", json::array({"object", "null"})}}},
                                       {"after", {{"type", json::array({"object", "null"})}}}}));
}

json comment_schema() {
  using namespace schema;
  return component("TaskComment", shape({{"id", integer()},
                                         {"at", instant()},
                                         {"text", text()},
                                         {"actor", text()},
                                         {"actor_role", text()},
                                         {"person", person_schema()}}));
}

}  // namespace jiaohe::api::handlers
