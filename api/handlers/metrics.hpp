#pragma once
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

// GET /metrics (admin): the Prometheus text format 0.0.4.
Response metrics(const Request& request, AppContext& ctx);
// For /openapi.json: its answer is text, not JSON.
RouteSchema metrics_schema();

}  // namespace jiaohe::api::handlers
