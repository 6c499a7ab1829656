#pragma once
// Routes are data: method, path pattern, body limit, handler and roles, listed in one table
// (routes.cpp). The router only matches; the server does I/O, handlers do the work.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http.hpp"
#include "api/query_parameter.hpp"
#include "engine/auth/caller.hpp"

namespace jiaohe::api {

struct AppContext;
using Handler = std::function<Response(const Request&, AppContext&)>;

// JSON Schemas (2020-12, as OpenAPI 3.1 takes them) a route may declare; null: not declared.
struct RouteSchema {
  nlohmann::json request = nullptr;   // the request body
  nlohmann::json response = nullptr;  // the success answer's body
  int status = 200;                   // the success status
  // The media types of the body and of the success answer, when they are not JSON (an upload's
  // bytes, a document served as it was sent); `request`/`response` then describe each of them.
  std::vector<std::string> request_types = {"application/json"};
  std::vector<std::string> response_types = {"application/json"};
  // Statuses particular to the route besides the success one (404, 409, 413, 415, 422, 304);
  // the server's own are added by answered_statuses (api/openapi.hpp) for every route.
  std::vector<int> problems = {};
  // The JSON body of the route's own 503 (application/json), when it answers one besides the
  // server's problem document: /healthz says what is down.
  nlohmann::json unavailable = nullptr;
  // Every query parameter the route accepts; the server refuses any other name with a 400
  // before the handler runs (api/query_parameter.hpp), so this list cannot drift from it.
  std::vector<QueryParameter> query = {};
};

struct Route {
  std::string method;
  std::string pattern;          // "/v1/disputes/{id}"
  std::string summary;          // for /openapi.json and docs
  std::size_t body_limit = 0;   // 0: the server's default
  Handler handler;
  // Who may call it: empty = public (no token read); otherwise a valid bearer token of one of
  // these roles is required (401 without one, 403 for another role).
  std::vector<engine::auth::Role> roles = {};
  // Optional, for /openapi.json: what the body and the success answer look like.
  RouteSchema schema = {};
};

struct RouteMatch {
  const Route* route = nullptr;          // set when method and path match
  bool path_known = false;               // the path exists with another method (405)
  std::string allowed;                   // "GET, POST" for the Allow header
  std::map<std::string, std::string> params;
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);
  RouteMatch match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// The application's routes (routes.cpp).
std::vector<Route> make_routes();

}  // namespace jiaohe::api
