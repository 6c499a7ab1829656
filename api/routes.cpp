// The one table of endpoints.
#include "api/handlers/disputes.hpp"
#include "api/handlers/health.hpp"
#include "api/router.hpp"

namespace jiaohe::api {

using engine::auth::Role;

std::vector<Route> make_routes() {
  return {
      {"GET", "/healthz", "Liveness and database status", 0, handlers::health, {}},
      {"POST", "/v1/disputes", "File a dispute or withdrawal request", 0, handlers::file_dispute,
       {Role::kCitizen, Role::kAuthority}},
      {"GET", "/v1/disputes/{id}", "A dispute: status, deadline and history", 0, handlers::get_dispute,
       {Role::kCitizen, Role::kAgency, Role::kAuthority}},
  };
}

}  // namespace jiaohe::api
