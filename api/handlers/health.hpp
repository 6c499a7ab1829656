#pragma once
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response health(const Request& request, AppContext& ctx);
// For /openapi.json: its answer (the 200's; a 503 from an unreachable database has the same shape).
RouteSchema health_schema();

}  // namespace jiaohe::api::handlers
