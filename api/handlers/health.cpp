#include "api/handlers/health.hpp"

#include <nlohmann/json.hpp>

#include "api/response_schema.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::api::handlers {

// GET /healthz: 200 when the database answers, 503 (and the server keeps running) when not.
Response health(const Request&, AppContext& ctx) {
  const auto status = engine::store::probe_database(ctx.database_url);
  Response r;
  nlohmann::json body = {{"status", status.available ? "ok" : "degraded"},
                         {"database", status.available ? "ok" : "unavailable"}};
  if (status.available) body["schema_version"] = status.schema_version;
  r.status = status.available ? 200 : 503;
  if (!status.available) r.headers.emplace_back("Retry-After", "1");
  r.body = body.dump();
  return r;
}

RouteSchema health_schema() {
  using namespace schema;
  nlohmann::json body = shape({{"status", {{"enum", {"ok", "degraded"}}}},
                     {"database", {{"enum", {"ok", "unavailable"}}}},
                     {"schema_version", {{"type", "integer"}, {"description", "the database's migration; when it answers"}}}},
                    {"schema_version"});
  body["additionalProperties"] = false;
  return {nullptr, body, 200};
}

}  // namespace jiaohe::api::handlers
