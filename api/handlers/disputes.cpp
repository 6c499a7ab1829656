#include "api/handlers/disputes.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "api/problem.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/error.hpp"
#include "engine/store/access_log.hpp"
#include "engine/store/dispute_store.hpp"
#include "rules/ids/identifier_check.hpp"

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

json optional_text(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json dispute_json(const engine::store::DisputeView& v) {
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
          {"agency_code", v.agency_code},
          {"channel", v.channel},
          {"filed_at", engine::calendar::format_instant(v.filed_at)},
          {"deadline", v.deadline ? json(engine::calendar::format_instant(*v.deadline)) : json(nullptr)},
          {"current_step", optional_text(v.current_step)},
          {"assignee", optional_text(v.assignee)},
          {"result", optional_text(v.result)},
          {"result_reason", optional_text(v.result_reason)},
          {"history", std::move(history)}};
}

// The shape of dispute_json.
json dispute_schema() {
  const json text = {{"type", "string"}};
  const json optional = {{"type", json::array({"string", "null"})}};
  const json history_entry = {{"type", "object"},
                              {"properties",
                               {{"at", text},
                                {"task_id", {{"type", "integer"}}},
                                {"step", text},
                                {"action", text},
                                {"actor_role", text},
                                {"reason", text}}}};
  return {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"kind", {{"enum", {"dispute", "withdrawal"}}}},
            {"status", text},
            {"subject_id", text},
            {"dataset_id", optional},
            {"attribute", optional},
            {"agency_code", text},
            {"channel", {{"enum", {"agency", "authority"}}}},
            {"filed_at", {{"type", "string"}, {"format", "date-time"}}},
            {"deadline", {{"type", json::array({"string", "null"})}, {"format", "date-time"}}},
            {"current_step", optional},
            {"assignee", optional},
            {"result", optional},
            {"result_reason", optional},
            {"history", {{"type", "array"}, {"items", history_entry}}}}},
          {"required", {"id", "kind", "status", "subject_id", "agency_code", "channel", "filed_at", "history"}}};
}

Response not_found(const std::string& id) { return problem(404, "Not found", "dispute " + id + " does not exist"); }

// Whether the caller may see the dispute; refusals look like absence (404).
bool may_read(const engine::auth::Caller& caller, const engine::store::DisputeView& v) {
  switch (caller.role) {
    case Role::kCitizen: return caller.subject_id == v.subject_id;
    case Role::kAgency: return caller.agency_code == v.agency_code || caller.agency_code == v.assignee;
    case Role::kAuthority: return true;
    case Role::kAdmin: return false;
  }
  return false;
}

}  // namespace

// POST /v1/disputes: 201 with the dispute (and Location) once it is committed.
Response file_dispute(const Request& request, AppContext& ctx) {
  auto parsed = parse_body(request, kDisputeFields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  const auto& body = std::get<json>(parsed);

  const auto now = ctx.clock->now();
  const auto today = std::chrono::year_month_day(engine::calendar::local_day_of(now));
  const auto check = rules::ids::check_identifier(string_field(body, "subject_id"), rules::ids::CitizenIdOptions{today, false});
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
  r.body = dispute_json(disputes.view(filed.dispute_id)).dump();
  return r;
}

// GET /v1/disputes/{id}
Response get_dispute(const Request& request, AppContext& ctx) {
  const auto& id_text = request.params.at("id");
  if (id_text.empty() || id_text.size() > 18 || id_text.find_first_not_of("0123456789") != std::string::npos)
    return problem(404, "Not found", "no dispute has that id");
  const auto id = std::stoll(id_text);
  engine::store::DisputeStore disputes(ctx.database_url, ctx.workflow);
  std::optional<engine::store::DisputeView> view;
  try {
    view = disputes.view(id);
  } catch (const engine::Error& e) {
    if (e.code() == engine::ErrorCode::kNotFound) return not_found(id_text);
    throw;
  }
  const auto& caller = *request.caller;
  if (!may_read(caller, *view)) return not_found(id_text);
  engine::store::record_access(ctx.database_url, caller, {"read_dispute", request.path, view->subject_id},
                               ctx.clock->now());
  Response r;
  r.body = dispute_json(*view).dump();
  return r;
}

RouteSchema file_dispute_schema() { return {body_schema(kDisputeFields), dispute_schema(), 201}; }
RouteSchema get_dispute_schema() { return {nullptr, dispute_schema(), 200}; }

}  // namespace jiaohe::api::handlers
