#pragma once
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response health(const Request& request, AppContext& ctx);
// For /openapi.json: its answer, the same for the 200 and for the 503 of an unreachable database.
RouteSchema health_schema();

}  // namespace jiaohe::api::handlers
