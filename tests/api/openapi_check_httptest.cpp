// The served /openapi.json checked from outside: by an OpenAPI 3.1 validator from npm
// (tests/openapi/validate.mjs), and against the server's behaviour: every query parameter a
// route accepts is documented and no other is accepted.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "tests/api/workflow_server.hpp"
#include "tests/support/openapi_check.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;

namespace {

// A value the parameter's schema allows.
std::string value_for(const json& schema) {
  if (schema.contains("enum")) return schema["enum"][0].get<std::string>();
  const auto type = schema.value("type", "string");
  if (type == "integer") return "1";
  if (type == "boolean") return "true";
  if (schema.value("format", "") == "date") return "2026-12-01";
  return "x";
}

// A token of the operation's first role ("" for a public one).
std::string token_for(testing::WorkflowServer& s, const json& operation) {
  if (!operation.contains("x-roles")) return "";
  const auto role = operation["x-roles"][0].get<std::string>();
  if (role == "citizen") return s.token(Role::kCitizen, s.person);
  if (role == "agency") return s.token(Role::kAgency, "", "civ");
  if (role == "authority") return s.token(Role::kAuthority);
  return s.token(Role::kAdmin);
}

bool refused_as_unknown(const testing::HttpResult& r, const std::string& name) {
  if (r.status != 400) return false;
  const auto body = json::parse(r.body);
  for (const auto& e : body.value("errors", json::array()))
    if (e.value("parameter", "") == name && e.value("detail", "").starts_with("unknown query parameter")) return true;
  return false;
}

}  // namespace

TEST_CASE("the served openapi json passes an OpenAPI 3.1 validator, and a broken one does not") {
  testing::WorkflowServer s;
  const auto r = testing::http_request(s.port, "GET", "/openapi.json");
  REQUIRE(r.status == 200);
  const auto doc = json::parse(r.body);
  CHECK(doc["servers"] == json::parse(R"([{"url": "/", "description": "The server that served this document"}])"));

  const auto check = testing::check_openapi(r.body);
  INFO(check.output);
  CHECK(check.exit_code == 0);

  // The validator can fail: a document without info, and one with a misspelt schema keyword.
  auto broken = doc;
  broken.erase("info");
  CHECK(testing::check_openapi(broken.dump()).exit_code == 1);
  auto misspelt = doc;
  misspelt["paths"]["/v1/tasks"]["get"]["parameters"][0]["schema"]["maxLenght"] = 3;
  const auto misspelt_check = testing::check_openapi(misspelt.dump());
  CHECK(misspelt_check.exit_code == 1);
  CHECK(misspelt_check.output.find("maxLenght") != std::string::npos);
  // A success answer without a body schema is an error too.
  auto undescribed = doc;
  undescribed["paths"]["/healthz"]["get"]["responses"]["200"].erase("content");
  const auto undescribed_check = testing::check_openapi(undescribed.dump());
  CHECK(undescribed_check.exit_code == 1);
  CHECK(undescribed_check.output.find("get /healthz 200: the success answer declares no body schema") != std::string::npos);
}

TEST_CASE("every operation declares the body of its success answer, shared shapes once as components") {
  testing::WorkflowServer s;
  const auto doc = json::parse(testing::http_request(s.port, "GET", "/openapi.json").body);
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, operation] : item.items())
      for (const auto& [status, response] : operation["responses"].items()) {
        if (status[0] != '2') continue;
        CAPTURE(method + " " + path + " " + status);
        REQUIRE(response.contains("content"));
        for (const auto& [type, media] : response["content"].items()) {
          CAPTURE(type);
          CHECK(media.contains("schema"));
        }
      }
  const auto& schemas = doc["components"]["schemas"];
  for (const auto* name : {"Task", "TaskEvent", "TaskComment", "Dispute", "Finding", "Scan", "Problem"}) {
    CAPTURE(name);
    CHECK(schemas.contains(name));
  }
  // The task read refers to the shared task rather than repeating it.
  const auto task = doc["paths"]["/v1/tasks/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
  CHECK(task["allOf"][0] == json{{"$ref", "#/components/schemas/Task"}});
  CHECK(task["unevaluatedProperties"] == false);
  CHECK(doc.dump().find("x-jiaohe-component") == std::string::npos);
}

TEST_CASE("every route accepts exactly the query parameters its operation documents") {
  testing::WorkflowServer s;
  const auto doc = json::parse(testing::http_request(s.port, "GET", "/openapi.json").body);
  int documented = 0;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, operation] : item.items()) {
      const auto token = token_for(s, operation);
      auto headers = token.empty() ? std::map<std::string, std::string>{} : s.headers(token);
      const auto target = testing::path_with_id(path);
      const auto body = method == "post" ? std::string("{}") : std::string();
      CAPTURE(testing::http_method(method) + " " + path);
      // A name the operation does not document is refused, naming it.
      const auto other = testing::http_request(s.port, testing::http_method(method), target + "?undocumented=1", body, headers);
      CHECK(refused_as_unknown(other, "undocumented"));
      // Each documented one is accepted (its value may still be refused for what it says).
      for (const auto& p : operation.value("parameters", json::array())) {
        if (p["in"] != "query") continue;
        ++documented;
        const auto name = p["name"].get<std::string>();
        CAPTURE(name);
        CHECK(p.contains("description"));
        const auto r =
            testing::http_request(s.port, testing::http_method(method), target + "?" + name + "=" + value_for(p["schema"]), body, headers);
        CHECK_FALSE(refused_as_unknown(r, name));
      }
    }
  CHECK(documented >= 30);
}
