#include "api/handlers/disputes.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers/dispute_json.hpp"
#include "api/json_body.hpp"
#include "api/handlers/task_access.hpp"
#include "api/problem.hpp"
#include "api/response_schema.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/disputes/filing.hpp"
#include "engine/store/access_log.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::auth::Role;
using nlohmann::json;

const std::vector<FieldSpec> kDisputeFields = {
    {"subject_id", FieldType::kString, true},       {"description", FieldType::kString, true},
    {"dataset_id", FieldType::kString, false},      {"attribute", FieldType::kString, false},
    {"agency_code", FieldType::kString, false},     {"claimed_value", FieldType::kString, false},
    {"notify", FieldType::kObject, false},          {"withdrawal", FieldType::kBoolean, false},
    {"publication_suspended", FieldType::kBoolean, false},
};

}  // namespace

// POST /v1/disputes: 201 with the dispute (and Location) once it is committed.
Response file_dispute(const Request& request, AppContext& ctx) {
  auto parsed = parse_body(request, kDisputeFields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  const auto& body = std::get<json>(parsed);

  const auto& caller = *request.caller;
  engine::disputes::DisputeRequest filing;
  filing.subject_id = string_field(body, "subject_id");
  filing.dataset_id = string_field(body, "dataset_id");
  filing.attribute = string_field(body, "attribute");
  filing.agency_code = string_field(body, "agency_code");
  filing.claimed_value = string_field(body, "claimed_value");
  filing.description = string_field(body, "description");
  if (body.contains("notify")) filing.notify = body["notify"];
  // The authority files on behalf of a party: the dispute starts with its forwarding step.
  filing.channel = caller.role == Role::kAuthority ? engine::disputes::FilingChannel::kAuthority
                                                   : engine::disputes::FilingChannel::kAgency;
  filing.withdrawal = body.value("withdrawal", false);
  if (body.contains("publication_suspended")) filing.publication_suspended = body["publication_suspended"].get<bool>();

  // The domain's one check (a 422 naming each wrong field), then who may file it.
  const auto now = ctx.clock->now();
  const auto valid = engine::disputes::validate_filing(filing, ctx.workflow.catalogue, now);
  if (caller.role == Role::kCitizen && valid.subject_id != caller.subject_id)
    return problem(403, "Forbidden", "a citizen token may file only for its own identifier");

  const auto filed = engine::disputes::DisputeDesk(ctx.database_url, ctx.workflow, ctx.commits)
                         .file(valid, now);  // committed when it returns
  Response r;
  r.status = 201;
  r.headers.emplace_back("Location", "/v1/disputes/" + std::to_string(filed.dispute_id));
  append_dispute_json(r.body, filed.view);
  return r;
}

// GET /v1/disputes/{id}
Response get_dispute(const Request& request, AppContext& ctx) {
  auto visible = visible_dispute(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& view = std::get<engine::disputes::DisputeView>(visible);
  engine::store::record_access(ctx.database_url, *request.caller,
                               {"read_dispute", request.path, view.subject_id, request.route},
                               ctx.clock->now());
  Response r;
  append_dispute_json(r.body, view);
  return r;
}

RouteSchema file_dispute_schema() { return {body_schema(kDisputeFields), schema::closed(dispute_schema()), 201}; }
RouteSchema get_dispute_schema() { return {nullptr, schema::closed(dispute_schema()), 200}; }

}  // namespace jiaohe::api::handlers
