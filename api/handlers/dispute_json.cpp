#include "api/handlers/dispute_json.hpp"

#include "api/handlers/json_fields.hpp"
#include "api/response_schema.hpp"
#include "engine/disputes/publication.hpp"

namespace jiaohe::api::handlers {

using nlohmann::json;

json dispute_json(const engine::disputes::DisputeView& v) {
  json history = json::array();
  for (const auto& e : v.history)
    history.push_back({{"at", engine::calendar::format_instant(e.at)},
                       {"task_id", e.task_id},
                       {"step", e.step},
                       {"action", e.action},
                       {"actor_role", e.actor_role},
                       {"reason", e.reason}});
  return {{"id", v.id},
          {"kind", v.kind},
          {"status", v.status},
          {"subject_id", v.subject_id},
          {"dataset_id", optional_text(v.dataset_id)},
          {"attribute", optional_text(v.attribute)},
          {"claimed_value", optional_text(v.claimed_value)},
          {"description", v.description},
          {"agency_code", v.agency_code},
          {"channel", v.channel},
          {"filed_at", engine::calendar::format_instant(v.filed_at)},
          {"deadline", optional_instant(v.deadline)},
          {"current_step", optional_text(v.current_step)},
          {"assignee", optional_text(v.assignee)},
          {"result", optional_text(v.result)},
          {"result_reason", optional_text(v.result_reason)},
          {"publication", v.publication.empty() ? json()
                                                : json{{"state", v.publication},
                                                       {"since", optional_instant(v.publication_changed_at)}}},
          {"history", std::move(history)}};
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
             {"status", text()},
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
