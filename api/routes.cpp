// The one table of endpoints.
#include "api/handlers/health.hpp"
#include "api/router.hpp"

namespace jiaohe::api {

std::vector<Route> make_routes() {
  return {
      {"GET", "/healthz", "Liveness and database status", 0, handlers::health},
  };
}

}  // namespace jiaohe::api
