#include "api/openapi.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>

#include "api/idempotency.hpp"
#include "api/response_schema.hpp"

namespace jiaohe::api {
namespace {

using nlohmann::json;

const char* const kProblemRef = "#/components/responses/Problem";
const char* const kUnavailableRef = "#/components/responses/Unavailable";

bool takes_idempotency_key(const Route& route) {
  return !route.roles.empty() && (route.method == "POST" || route.method == "PATCH");
}

// The {names} of a pattern, in order.
std::vector<std::string> path_parameters(const std::string& pattern) {
  std::vector<std::string> names;
  for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
    const auto close = pattern.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(pattern.substr(open + 1, close - open - 1));
  }
  return names;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "get_v1_disputes_id" for GET /v1/disputes/{id}: unique because method and pattern are.
std::string operation_id(const Route& route) {
  std::string id = lower(route.method);
  for (char c : route.pattern) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (word) id += c;
    else if (id.back() != '_') id += '_';
  }
  while (id.back() == '_') id.pop_back();
  return id;
}

// Replaces each schema::component in `schema` by a $ref to it, collecting it into `schemas`
// (inner ones first, so a component refers to the components it holds). One name given to two
// shapes is a defect of the route table: it throws, and the server does not start.
void lift_components(json& schema, json& schemas) {
  if (schema.is_array()) {
    for (auto& item : schema) lift_components(item, schemas);
    return;
  }
  if (!schema.is_object()) return;
  for (auto& value : schema) lift_components(value, schemas);
  if (!schema.contains(schema::kComponentKey)) return;
  const auto name = schema[schema::kComponentKey].get<std::string>();
  schema.erase(schema::kComponentKey);
  if (schemas.contains(name) && schemas[name] != schema)
    throw std::logic_error("/openapi.json: two different schemas are both named " + name);
  schemas[name] = std::move(schema);
  schema = {{"$ref", "#/components/schemas/" + name}};
}

json components(json schemas) {
  const json problem_schema = {
      {"type", "object"},
      {"description", "RFC 9457 problem details"},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"errors",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"pointer", {{"type", "string"}}}, {"detail", {{"type", "string"}}}, {"reason", {{"type", "string"}}}}}}}}}}},
      {"required", {"type", "title", "status"}}};
  schemas["Problem"] = problem_schema;
  return {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
          {"schemas", std::move(schemas)},
          {"responses",
           {{"Problem",
             {{"description", "An error, as an RFC 9457 problem document"},
              {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}},
            {"Unavailable",
             {{"description", "The server is busy or the database unreachable (or a commit's outcome unknown): "
                              "nothing was committed, the same request may be sent again after Retry-After"},
              {"headers", {{"Retry-After", {{"description", "Seconds to wait"}, {"schema", {{"type", "integer"}}}}}}},
              {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}}};
}

json operation(const Route& route, json& schemas) {
  json op = {{"summary", route.summary}, {"operationId", operation_id(route)}};
  json parameters = json::array();
  for (const auto& name : path_parameters(route.pattern))
    parameters.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  for (const auto& q : route.schema.query)
    parameters.push_back({{"name", q.name}, {"in", "query"}, {"required", false}, {"description", q.description}, {"schema", q.schema}});

  // Each media type the route takes or answers, with the one schema that describes it.
  const auto content = [&schemas](const std::vector<std::string>& types, json schema) {
    lift_components(schema, schemas);
    json out = json::object();
    for (const auto& type : types) out[type] = {{"schema", schema}};
    return out;
  };
  json success = {{"description", "Success"}};
  if (!route.schema.response.is_null()) success["content"] = content(route.schema.response_types, route.schema.response);
  json responses = {{std::to_string(route.schema.status), success}};
  for (const int status : answered_statuses(route)) {
    if (responses.contains(std::to_string(status))) continue;
    if (status == 304) responses["304"] = {{"description", "Not modified: the If-None-Match ETag is current"}};
    else responses[std::to_string(status)] = {{"$ref", status == 503 ? kUnavailableRef : kProblemRef}};
  }

  if (route.roles.empty()) {
    op["security"] = json::array();  // public: no token is read
  } else {
    op["security"] = json::array({{{"bearer", json::array()}}});
    json roles = json::array();
    for (auto role : route.roles) roles.push_back(engine::auth::role_name(role));
    op["x-roles"] = roles;
    if (takes_idempotency_key(route))
      parameters.push_back({{"name", "Idempotency-Key"},
                            {"in", "header"},
                            {"required", false},
                            {"description", "Replays the first answer to a retry of the same request"},
                            {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdempotencyKeyBytes}}}});
  }
  if (!route.schema.request.is_null())
    op["requestBody"] = {{"required", true}, {"content", content(route.schema.request_types, route.schema.request)}};
  if (!parameters.empty()) op["parameters"] = parameters;
  op["responses"] = responses;
  return op;
}

}  // namespace

std::set<int> answered_statuses(const Route& route) {
  std::set<int> out(route.schema.problems.begin(), route.schema.problems.end());
  // The server's own, for every route: an undeclared query parameter or text that is not
  // UTF-8 (400), a body over the route's limit (413), a full queue or an unreachable database (503).
  out.insert({400, 413, 503});
  if (!route.roles.empty()) {
    out.insert(401);
    // 403: a role the route does not take (or a handler's own refusal, listed in `problems`).
    for (const auto role : {engine::auth::Role::kCitizen, engine::auth::Role::kAgency, engine::auth::Role::kAuthority,
                            engine::auth::Role::kAdmin})
      if (std::find(route.roles.begin(), route.roles.end(), role) == route.roles.end()) out.insert(403);
  }
  // A bad Idempotency-Key (400), a key reused for another request (422), its first request
  // still being handled (409).
  if (takes_idempotency_key(route)) out.insert({400, 409, 422});
  out.erase(route.schema.status);
  return out;
}

json openapi_document(const std::vector<Route>& routes) {
  json paths = json::object();
  json schemas = json::object();
  for (const auto& route : routes) paths[route.pattern][lower(route.method)] = operation(route, schemas);
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Jiaohe"},
            {"version", "1"},
            {"description", "Data-quality and correction workflow API. Errors are RFC 9457 problem documents."}}},
          // Relative: resolved against where the document was fetched from, so it holds behind any
          // host name, port or proxy; the listen address (often 0.0.0.0) is no address to call.
          {"servers", json::array({{{"url", "/"}, {"description", "The server that served this document"}}})},
          {"paths", paths},
          {"components", components(std::move(schemas))}};
}

std::vector<Route> with_openapi(std::vector<Route> routes) {
  routes.push_back({"GET", "/openapi.json", "This API as an OpenAPI 3.1 document", 0, nullptr, {},
                    {nullptr,
                     schema::shape({{"openapi", {{"const", "3.1.0"}}},
                                    {"info", {{"type", "object"}}},
                                    {"servers", {{"type", "array"}}},
                                    {"paths", {{"type", "object"}}},
                                    {"components", {{"type", "object"}}}}),
                     200}});
  // The document includes its own route, so it is built once the table is complete.
  auto document = std::make_shared<const std::string>(openapi_document(routes).dump());
  routes.back().handler = [document](const Request&, AppContext&) {
    Response r;
    r.body = *document;
    return r;
  };
  return routes;
}

}  // namespace jiaohe::api
