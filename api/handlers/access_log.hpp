#pragma once
// GET /v1/me/access-log (Art. 20, 39): a citizen reads who among staff read its personal data,
// when, for which agency, and through which route; newest first, in cursor pages. Its own
// reads are not recorded, so they are not listed.
#include <string>

#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response my_access_log(const Request& request, AppContext& ctx);

// The name the catalogue gives an agency code, or null when it names none.
nlohmann::json agency_name(const AppContext& ctx, const std::string& code);
// For /openapi.json: GET /v1/me/access-log's pages.
RouteSchema my_access_log_schema();

}  // namespace jiaohe::api::handlers
