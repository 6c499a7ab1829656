#include <doctest/doctest.h>

#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "api/openapi.hpp"
#include "api/server.hpp"
#include "tests/support/http_client.hpp"

using namespace jiaohe;
using engine::auth::Role;
using jiaohe::testing::http_request;
using nlohmann::json;

namespace {

const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The {names} of a pattern, read independently of the generator.
std::set<std::string> pattern_parameters(const std::string& pattern) {
  std::set<std::string> names;
  std::size_t at = 0;
  while ((at = pattern.find('{', at)) != std::string::npos) {
    const auto close = pattern.find('}', at);
    names.insert(pattern.substr(at + 1, close - at - 1));
    at = close;
  }
  return names;
}

std::set<std::string> declared_path_parameters(const json& operation) {
  std::set<std::string> names;
  for (const auto& p : operation.value("parameters", json::array()))
    if (p["in"] == "path") {
      CHECK(p["required"] == true);
      names.insert(p["name"].get<std::string>());
    }
  return names;
}

}  // namespace

TEST_CASE("openapi json lists every route of the router and nothing else") {
  engine::SystemClock clock;
  api::AppContext context;  // no route served here reads the database
  context.clock = &clock;
  api::Router router{api::make_routes()};
  api::Server server{[] {
                       api::ServerOptions o;
                       o.port = 0;
                       return o;
                     }(),
                     router, context};
  const auto port = server.start();

  auto r = http_request(port, "GET", "/openapi.json");  // public
  REQUIRE(r.status == 200);
  CHECK(r.headers["content-type"] == "application/json");
  auto doc = json::parse(r.body);
  CHECK(doc["openapi"] == "3.1.0");
  CHECK(doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer");

  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, operation] : item.items()) {
      REQUIRE(kMethods.count(method) == 1);
      documented.emplace(upper(method), path);
      CHECK(declared_path_parameters(operation) == pattern_parameters(path));
      CHECK(!operation["responses"].contains("default"));  // the real statuses, each listed
      CHECK(operation["responses"].contains("503"));
    }
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : router.routes()) {
    routed.emplace(route.method, route.pattern);
    CHECK(doc.at("paths").at(route.pattern).at(lower(route.method)).at("summary") == route.summary);
  }
  CHECK(documented == routed);
  CHECK(routed.count({"GET", "/openapi.json"}) == 1);
  CHECK(routed.count({"GET", "/metrics"}) == 1);

  // Security follows the roles: public routes need nothing, the others a bearer token.
  CHECK(doc["paths"]["/healthz"]["get"]["security"] == json::array());
  const auto& dispute = doc["paths"]["/v1/disputes/{id}"]["get"];
  CHECK(dispute["security"] == json::parse(R"([{"bearer": []}])"));
  CHECK(dispute["x-roles"] == json::parse(R"(["citizen", "agency", "authority"])"));
  CHECK(dispute["responses"].contains("401"));
  // POST routes take an Idempotency-Key.
  bool idempotency_key = false;
  for (const auto& p : doc["paths"]["/v1/disputes"]["post"]["parameters"])
    idempotency_key = idempotency_key || (p["in"] == "header" && p["name"] == "Idempotency-Key");
  CHECK(idempotency_key);
}

TEST_CASE("openapi declares every path parameter and the schemas a route declares") {
  const auto noop = [](const api::Request&, api::AppContext&) { return api::Response{}; };
  api::RouteSchema schema{json{{"type", "object"}, {"required", json::array({"name"})}}, json{{"type", "array"}}, 201};
  auto doc = api::openapi_document({
      {"PATCH", "/v1/things/{thing}/parts/{part}", "Change a part", 0, noop, {Role::kAgency}, schema},
      {"GET", "/v1/things/{thing}/parts/{part}", "A part", 0, noop, {}},
  });
  const auto& patch = doc["paths"]["/v1/things/{thing}/parts/{part}"]["patch"];
  CHECK(declared_path_parameters(patch) == std::set<std::string>{"thing", "part"});
  CHECK(patch["requestBody"]["content"]["application/json"]["schema"] == schema.request);
  CHECK(patch["responses"]["201"]["content"]["application/json"]["schema"] == schema.response);
  CHECK(patch["x-roles"] == json::array({"agency"}));
  const auto& get = doc["paths"]["/v1/things/{thing}/parts/{part}"]["get"];
  CHECK(declared_path_parameters(get) == std::set<std::string>{"thing", "part"});
  CHECK(get["responses"].contains("200"));
  CHECK(!get.contains("requestBody"));
  CHECK(doc["paths"].size() == 1);
}
