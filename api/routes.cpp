// The one table of endpoints.
#include "api/handlers/disputes.hpp"
#include "api/handlers/health.hpp"
#include "api/handlers/metrics.hpp"
#include "api/openapi.hpp"
#include "api/router.hpp"

namespace jiaohe::api {

using engine::auth::Role;

static std::vector<Route> endpoints();

// The endpoints and GET /openapi.json, which describes them all.
std::vector<Route> make_routes() { return with_openapi(endpoints()); }

std::vector<Route> endpoints() {
  return {
      {"GET", "/healthz", "Liveness and database status", 0, handlers::health, {}},
      {"GET", "/metrics", "Prometheus metrics: requests, durations, open and overdue tasks, last scan", 0,
       handlers::metrics, {Role::kAdmin}},
      {"POST", "/v1/disputes", "File a dispute or withdrawal request", 0, handlers::file_dispute,
       {Role::kCitizen, Role::kAuthority}, handlers::file_dispute_schema()},
      {"GET", "/v1/disputes/{id}", "A dispute: status, deadline and history", 0, handlers::get_dispute,
       {Role::kCitizen, Role::kAgency, Role::kAuthority}, handlers::get_dispute_schema()},
  };
}

}  // namespace jiaohe::api
