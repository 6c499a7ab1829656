#include "api/handlers/finding_json.hpp"

#include "api/handlers/json_fields.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"

namespace jiaohe::api::handlers {

using nlohmann::json;

json finding_json(const engine::store::FindingRecord& f) {
  json out = {{"id", f.id},
              {"rule_id", f.rule_id},
              {"rule_version", f.rule_version},
              {"kind", f.kind},
              {"severity", f.severity},
              {"dataset_id", f.dataset_id},
              {"agency_code", f.agency_code},
              {"record_key", f.record_key},
              {"subject_id", optional_text(f.subject_id)},
              {"attribute", f.attribute},
              {"status", f.status},
              {"first_seen_scan", f.first_seen_scan},
              {"last_seen_scan", f.last_seen_scan},
              {"resolved_scan", optional_value(f.resolved_scan)},
              {"first_seen_at", engine::calendar::format_instant(f.first_seen_at)},
              {"last_seen_at", engine::calendar::format_instant(f.last_seen_at)},
              {"resolved_at", optional_instant(f.resolved_at)},
              {"times_reopened", f.times_reopened}};
  if (!f.evidence.is_null()) out["evidence"] = f.evidence;
  return out;
}

json finding_schema() {
  using namespace schema;
  return component("Finding",
                   shape({{"id", integer()},
                          {"rule_id", text()},
                          {"rule_version", integer()},
                          {"kind", text()},
                          {"severity", text()},
                          {"dataset_id", text()},
                          {"agency_code", text()},
                          {"record_key", text()},
                          {"subject_id", {{"type", json::array({"string", "null"})},
                                          {"description", "masked in lists; in full in the finding's (logged) read"}}},
                          {"attribute", text()},
                          {"status", {{"enum", {"open", "resolved"}}}},
                          {"first_seen_scan", integer()},
                          {"last_seen_scan", integer()},
                          {"resolved_scan", nullable(integer())},
                          {"first_seen_at", instant()},
                          {"last_seen_at", instant()},
                          {"resolved_at", nullable(instant())},
                          {"times_reopened", integer()},
                          {"evidence", {{"type", "object"}, {"description", "what the rule saw; in single reads only"}}}},
                         {"evidence"}));
}

}  // namespace jiaohe::api::handlers
