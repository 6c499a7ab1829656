#pragma once
// GET /openapi.json: an OpenAPI 3.1 document generated from the route table, so it can never
// list a route the router lacks nor miss one it has. Per route: path parameters from the
// pattern's {names}, the summary, bearer security and the roles (x-roles) when the route has
// roles, the route's declared schemas (Route::schema), and problem documents for errors.
#include <vector>

#include <nlohmann/json.hpp>

#include "api/router.hpp"

namespace jiaohe::api {

nlohmann::json openapi_document(const std::vector<Route>& routes);

// `routes` and GET /openapi.json, which serves the document of all of them (itself included),
// built once here.
std::vector<Route> with_openapi(std::vector<Route> routes);

}  // namespace jiaohe::api
