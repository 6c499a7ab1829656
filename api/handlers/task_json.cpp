#include "api/handlers/task_json.hpp"

#include "api/handlers/json_fields.hpp"
#include "api/response_schema.hpp"
#include "api/handlers/json_members.hpp"
#include "engine/util/json_text.hpp"

namespace jiaohe::api::handlers {

using engine::util::JsonObjectText;

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

namespace {

// A task's members in key order, written through `out`: a nlohmann object (task_json) or text
// (append_task_json), so the two write the same document from this one list.
template <typename Out>
void task_members(Out& out, const engine::tasks::Task& t, engine::Instant now) {
  out.field("answered_at", instant_text(t.answered_at));
  out.person("assigned_to", t.assigned_to);
  out.field("assignee", t.assignee);
  out.field("closed_at", instant_text(t.closed_at));
  out.field("dataset_id", text_or_null(t.dataset_id));
  out.field("deadline_version", t.deadline_version);
  out.field("dispute_id", t.dispute_id);
  out.field("due_at", instant_text(t.due_at));
  out.field("extension_requested", t.extension_asked);
  out.field("extensions", t.extensions);
  out.field("flags", t.flags);
  out.field("id", t.id);
  out.field("kind", engine::tasks::kind_name(t.kind));
  out.field("marked_overdue", t.overdue);
  out.field("overdue", awaiting_assignee(t.status) && t.due_at && *t.due_at < now);
  out.field("parent_task_id", t.parent_task_id);
  out.field("provisional", t.provisional);
  out.field("received_at", engine::calendar::format_instant(t.received_at));
  out.field("resolution", text_or_null(t.resolution));
  out.field("resolution_reason", text_or_null(t.resolution_reason));
  out.field("rule_id", text_or_null(t.rule_id));
  out.field("scan_id", t.scan_id);
  out.field("status", engine::tasks::status_name(t.status));
  out.field("step", t.step);
}

struct TreeMembers : TreeFields {
  void person(const char* key, const std::optional<engine::tasks::Person>& p) { j[key] = engine::tasks::person_json(p); }
};

struct TextMembers : TextFields {
  void person(const char* key, const std::optional<engine::tasks::Person>& p) {
    if (!p) return o.field(key, nullptr);
    auto person = o.object(key);  // as engine::tasks::person_json writes it
    person.field("name", p->name);
    person.field("staff_id", p->staff_id);
    person.close();
  }
};

}  // namespace

json task_json(const engine::tasks::Task& t, engine::Instant now) {
  json j = json::object();
  TreeMembers members{{j}};
  task_members(members, t, now);
  return j;
}

void append_task_json(std::string& out, const engine::tasks::Task& t, engine::Instant now) {
  JsonObjectText o(out);
  TextMembers members{{o}};
  task_members(members, t, now);
  o.close();
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
