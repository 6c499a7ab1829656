#pragma once
// GET /openapi.json: an OpenAPI 3.1 document generated from the route table, so it can never
// list a route the router lacks nor miss one it has. Per route: path parameters from the
// pattern's {names}, the summary, bearer security and the roles (x-roles) when the route has
// roles, the route's declared schemas (Route::schema), and every status it answers. The shared
// shapes the schemas mark (schema::component, api/response_schema.hpp) are listed once under
// components/schemas and referred to with $ref.
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/router.hpp"

namespace jiaohe::api {

nlohmann::json openapi_document(const std::vector<Route>& routes);

// Every status but the success one that `route` answers, as its operation lists them: the
// route's own (RouteSchema::problems) and those of the server's machinery (400 for undeclared
// query parameters, 413, 503; 401 and 403 by role; 400, 409 and 422 for Idempotency-Key).
// 500 is never listed: it is a defect, and the fuzz test fails on it.
std::set<int> answered_statuses(const Route& route);

// `routes` and GET /openapi.json, which serves the document of all of them (itself included),
// built once here.
std::vector<Route> with_openapi(std::vector<Route> routes);

}  // namespace jiaohe::api
