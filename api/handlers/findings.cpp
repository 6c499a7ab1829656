#include "api/handlers/findings.hpp"

#include <chrono>
#include <set>

#include <nlohmann/json.hpp>

#include "api/handlers/finding_json.hpp"
#include "api/handlers/json_fields.hpp"
#include "api/handlers/task_access.hpp"
#include "api/agency_scope.hpp"
#include "api/pagination.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/store/access_log.hpp"
#include "engine/log/mask.hpp"
#include "engine/store/finding_queries.hpp"
#include "engine/ids/subject_check.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::auth::Role;
using nlohmann::json;

const std::vector<std::string> kStatusNames = {"open", "resolved"};

// ?subject_id= normalised, "" when absent, or the 422 with the validator's reason code.
std::variant<std::string, Response> subject_param(const Request& request, const AppContext& ctx) {
  const auto it = request.query.find("subject_id");
  if (it == request.query.end()) return std::string();
  const auto check = engine::ids::check_subject(it->second, ctx.clock->now());
  if (!check.valid) {
    const std::string detail = "not a valid citizen ID number or credit code";
    return problem(422, "Invalid query parameter", "subject_id: " + detail,
                   json{{"errors", {{{"parameter", "subject_id"}, {"detail", detail}, {"reason", std::string(check.reason_code)}}}}});
  }
  return std::string(check.value());
}

}  // namespace

// GET /v1/findings
Response list_findings(const Request& request, AppContext& ctx) {
  auto page = page_query(request);
  if (auto* refusal = std::get_if<Response>(&page)) return std::move(*refusal);
  QueryReader q(request);
  engine::store::FindingFilter filter;
  filter.dataset = q.text("dataset").value_or("");
  filter.rule = q.text("rule").value_or("");
  filter.status = q.choice("status", kStatusNames).value_or("");
  filter.scan = q.id("scan").value_or(0);
  if (auto refusal = q.refusal()) return *refusal;
  auto agency = agency_scope(request);
  if (auto* refusal = std::get_if<Response>(&agency)) return std::move(*refusal);
  filter.agency = std::get<std::string>(agency);
  auto subject = subject_param(request, ctx);
  if (auto* refusal = std::get_if<Response>(&subject)) return std::move(*refusal);
  filter.subject_id = std::get<std::string>(subject);
  const auto found =
      engine::store::list_findings(ctx.database_url, filter, std::get<engine::store::PageQuery>(page));

  // One access_log row per subject shown on the page.
  std::set<std::string> subjects;
  for (const auto& f : found.items)
    if (!f.subject_id.empty()) subjects.insert(f.subject_id);
  std::vector<engine::store::AccessEntry> reads;
  for (const auto& s : subjects) reads.push_back({"list_findings", request.path, s, request.route});
  engine::store::record_access(ctx.database_url, *request.caller, reads, ctx.clock->now());
  // A list shows masked identifiers; the full one is in the finding's (logged) detail read.
  return page_response(found, [](const engine::store::FindingRecord& f) {
    auto j = finding_json(f);
    if (!f.subject_id.empty()) j["subject_id"] = engine::log::mask_identifier(f.subject_id);
    return j;
  });
}

// GET /v1/findings/{id}
Response get_finding(const Request& request, AppContext& ctx) {
  const auto id = id_param(request);
  auto finding = id ? engine::store::find_finding(ctx.database_url, *id) : std::nullopt;
  const auto& caller = *request.caller;
  // Another agency's finding looks like no finding at all.
  if (!finding || (caller.role != Role::kAuthority && finding->agency_code != caller.agency_code))
    return problem(404, "Not found", "no finding has that id");
  if (!finding->subject_id.empty())
    engine::store::record_access(ctx.database_url, caller, {"read_finding", request.path, finding->subject_id, request.route},
                                 ctx.clock->now());
  Response r;
  r.body = finding_json(*finding).dump();
  return r;
}

RouteSchema list_findings_schema() {
  RouteSchema s{nullptr, page_schema(schema::closed(finding_schema())), 200};
  s.query = std::vector<QueryParameter>{
                query::text("dataset", "Only findings in this dataset"), query::text("rule", "Only findings of this rule id"),
                query::choice("status", kStatusNames, "Only open or only resolved findings"), agency_parameter(),
                {"subject_id", {{"type", "string"}}, "Only findings about this citizen ID number or credit code (422 if invalid)"},
                query::id("scan", "Only findings of this scan")} +
            query::page();
  return s;
}

RouteSchema get_finding_schema() { return {nullptr, schema::closed(finding_schema()), 200}; }

}  // namespace jiaohe::api::handlers
