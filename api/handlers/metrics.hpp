#pragma once
#include "api/app_context.hpp"
#include "api/http.hpp"

namespace jiaohe::api::handlers {

// GET /metrics (admin): the Prometheus text format 0.0.4.
Response metrics(const Request& request, AppContext& ctx);

}  // namespace jiaohe::api::handlers
