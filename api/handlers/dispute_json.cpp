#include "api/handlers/dispute_json.hpp"

#include "api/handlers/json_members.hpp"
#include "api/response_schema.hpp"
#include "engine/disputes/publication.hpp"
#include "engine/util/json_text.hpp"

namespace jiaohe::api::handlers {

using engine::util::JsonObjectText;
using nlohmann::json;

namespace {

// A dispute's members in key order, written through `out`: a nlohmann object (dispute_json) or
// text (append_dispute_json), so the two write the same document from this one list.
template <typename Out>
void dispute_members(Out& out, const engine::disputes::DisputeView& v) {
  out.field("agency_code", v.agency_code);
  out.field("assignee", text_or_null(v.assignee));
  out.field("attribute", text_or_null(v.attribute));
  out.field("channel", v.channel);
  out.field("claimed_value", text_or_null(v.claimed_value));
  out.field("current_step", text_or_null(v.current_step));
  out.field("dataset_id", text_or_null(v.dataset_id));
  out.field("deadline", instant_text(v.deadline));
  out.field("description", v.description);
  out.field("filed_at", engine::calendar::format_instant(v.filed_at));
  out.history("history", v.history);
  out.field("id", v.id);
  out.field("kind", v.kind);
  out.publication("publication", v);
  out.field("result", text_or_null(v.result));
  out.field("result_reason", text_or_null(v.result_reason));
  out.field("status", v.status);
  out.field("subject_id", v.subject_id);
}

// One entry of the history and the publication record, in key order, for either writer.
template <typename Out>
void event_members(Out& out, const engine::disputes::DisputeEvent& e) {
  out.field("action", e.action);
  out.field("actor_role", e.actor_role);
  out.field("at", engine::calendar::format_instant(e.at));
  out.field("reason", e.reason);
  out.field("step", e.step);
  out.field("task_id", e.task_id);
}
template <typename Out>
void publication_members(Out& out, const engine::disputes::DisputeView& v) {
  out.field("since", instant_text(v.publication_changed_at));
  out.field("state", v.publication);
}

struct TreeMembers : TreeFields {
  void history(const char* key, const std::vector<engine::disputes::DisputeEvent>& events) {
    json& list = j[key] = json::array();
    for (const auto& e : events) {
      json entry = json::object();
      TreeMembers members{{entry}};
      event_members(members, e);
      list.push_back(std::move(entry));
    }
  }
  void publication(const char* key, const engine::disputes::DisputeView& v) {
    if (v.publication.empty()) {
      j[key] = nullptr;
      return;
    }
    json& record = j[key] = json::object();
    TreeMembers members{{record}};
    publication_members(members, v);
  }
};

struct TextMembers : TextFields {
  void history(const char* key, const std::vector<engine::disputes::DisputeEvent>& events) {
    auto list = o.array(key);
    for (const auto& e : events) {
      auto entry = list.object();
      TextMembers members{{entry}};
      event_members(members, e);
      entry.close();
    }
    list.close();
  }
  void publication(const char* key, const engine::disputes::DisputeView& v) {
    if (v.publication.empty()) return o.field(key, nullptr);
    auto record = o.object(key);
    TextMembers members{{record}};
    publication_members(members, v);
    record.close();
  }
};

}  // namespace

json dispute_json(const engine::disputes::DisputeView& v) {
  json j = json::object();
  TreeMembers members{{j}};
  dispute_members(members, v);
  return j;
}

void append_dispute_json(std::string& out, const engine::disputes::DisputeView& v) {
  JsonObjectText o(out);
  TextMembers members{{o}};
  dispute_members(members, v);
  o.close();
}

const std::vector<std::string>& dispute_status_names() {
  static const std::vector<std::string> names = {"open", "resolved", "appealed", "closed"};
  return names;
}

nlohmann::json dispute_schema() {
  using namespace schema;
  const json history_entry = record({{"at", instant()},
                                     {"task_id", integer()},
                                     {"step", text()},
                                     {"action", text()},
                                     {"actor_role", text()},
                                     {"reason", text()}});
  return component(
      "Dispute",
      shape({{"id", integer()},
             {"kind", {{"enum", {"dispute", "withdrawal"}}}},
             {"status", {{"enum", dispute_status_names()}}},
             {"subject_id", {{"type", "string"}, {"description", "masked in staff lists; in full in the dispute's read"}}},
             {"dataset_id", nullable(text())},
             {"attribute", nullable(text())},
             {"claimed_value", nullable(text())},
             {"description", text()},
             {"agency_code", text()},
             {"channel", {{"enum", {"agency", "authority"}}}},
             {"filed_at", instant()},
             {"deadline", nullable(instant())},
             {"current_step", nullable(text())},
             {"assignee", nullable(text())},
             {"result", nullable(text())},
             {"result_reason", nullable(text())},
             {"publication",
              {{"type", json::array({"object", "null"})},
               {"description", "a withdrawal request's record on the open-data platform (Art. 44); null for a dispute"},
               {"properties", {{"state", {{"enum", engine::disputes::publication_names()}}}, {"since", nullable(instant())}}},
               {"required", {"state", "since"}},
               {"additionalProperties", false}}},
             {"history", {{"type", "array"}, {"items", history_entry}, {"description", "in single reads only"}}}},
            {"history"}));
}

}  // namespace jiaohe::api::handlers
