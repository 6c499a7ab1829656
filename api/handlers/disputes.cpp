#include "api/handlers/disputes.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers/dispute_json.hpp"
#include "api/json_body.hpp"
#include "api/handlers/task_access.hpp"
#include "api/problem.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/error.hpp"
#include "engine/store/access_log.hpp"
#include "engine/store/dispute_store.hpp"
#include "engine/ids/subject_check.hpp"

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

  const auto now = ctx.clock->now();
  const auto check = engine::ids::check_subject(string_field(body, "subject_id"), now);
  std::vector<FieldError> errors;
  if (!check.valid)
    errors.push_back({"/subject_id", "not a valid citizen ID number or credit code", std::string(check.reason_code)});
  if (string_field(body, "description").empty()) errors.push_back({"/description", "must not be empty", ""});
  const auto dataset = string_field(body, "dataset_id");
  if (!dataset.empty() && ctx.workflow.catalogue && !ctx.workflow.catalogue->dataset(dataset))
    errors.push_back({"/dataset_id", "not a dataset of the catalogue", ""});
  if (dataset.empty() && string_field(body, "agency_code").empty())
    errors.push_back({"/agency_code", "name the agency or a dataset (dataset_id) the dispute is about", ""});
  const bool withdrawal = body.value("withdrawal", false);
  if (!withdrawal && body.contains("publication_suspended"))
    errors.push_back({"/publication_suspended", "only a withdrawal request (withdrawal: true) takes it", ""});
  if (!errors.empty()) return invalid(errors);

  const auto& caller = *request.caller;
  const std::string subject(check.value());
  if (caller.role == Role::kCitizen && subject != caller.subject_id)
    return problem(403, "Forbidden", "a citizen token may file only for its own identifier");

  engine::store::DisputeRequest filing;
  filing.subject_id = subject;
  filing.dataset_id = dataset;
  filing.attribute = string_field(body, "attribute");
  filing.agency_code = string_field(body, "agency_code");
  filing.claimed_value = string_field(body, "claimed_value");
  filing.description = string_field(body, "description");
  if (body.contains("notify")) filing.notify = body["notify"];
  // The authority files on behalf of a party: the dispute starts with its forwarding step.
  filing.channel = caller.role == Role::kAuthority ? engine::store::FilingChannel::kAuthority
                                                   : engine::store::FilingChannel::kAgency;
  filing.withdrawal = withdrawal;
  filing.publication_suspended = body.value("publication_suspended", false);

  engine::store::DisputeStore disputes(ctx.database_url, ctx.workflow, ctx.commits);
  const auto filed = disputes.file(filing, now);  // committed when it returns
  Response r;
  r.status = 201;
  r.headers.emplace_back("Location", "/v1/disputes/" + std::to_string(filed.dispute_id));
  r.body = dispute_json(filed.view).dump();
  return r;
}

// GET /v1/disputes/{id}
Response get_dispute(const Request& request, AppContext& ctx) {
  auto visible = visible_dispute(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& view = std::get<engine::store::DisputeView>(visible);
  engine::store::record_access(ctx.database_url, *request.caller, {"read_dispute", request.path, view.subject_id, request.route},
                               ctx.clock->now());
  Response r;
  r.body = dispute_json(view).dump();
  return r;
}

RouteSchema file_dispute_schema() { return {body_schema(kDisputeFields), dispute_schema(), 201}; }
RouteSchema get_dispute_schema() { return {nullptr, dispute_schema(), 200}; }

}  // namespace jiaohe::api::handlers
