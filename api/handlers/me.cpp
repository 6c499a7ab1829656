#include "api/handlers/me.hpp"

#include <nlohmann/json.hpp>

#include "api/handlers/access_log.hpp"
#include "api/pagination.hpp"
#include "api/response_schema.hpp"
#include "engine/auth/caller.hpp"
#include "engine/log/mask.hpp"

namespace jiaohe::api::handlers {

using nlohmann::json;

// GET /v1/me
Response who_am_i(const Request& request, AppContext& ctx) {
  const auto& c = *request.caller;
  const json person = c.staff_id.empty()
                          ? json(nullptr)
                          : json{{"staff_id", c.staff_id}, {"name", c.staff_name}, {"head", c.head}};
  Response r;
  r.body = json{{"role", engine::auth::role_name(c.role)},
                {"token_id", c.token_id},
                {"agency_code", c.agency_code.empty() ? json(nullptr) : json(c.agency_code)},
                {"agency", agency_name(ctx, c.agency_code)},
                {"subject_id", c.subject_id.empty() ? json(nullptr) : json(engine::log::mask_identifier(c.subject_id))},
                {"person", person}}
               .dump();
  return r;
}

RouteSchema who_am_i_schema() {
  using namespace schema;
  const json person = nullable(record({{"staff_id", text()}, {"name", text()}, {"head", boolean()}}));
  return {nullptr,
          record({{"role", {{"enum", {"citizen", "agency", "authority", "admin"}}}},
                  {"token_id", integer()},
                  {"agency_code", nullable(text())},
                  {"agency", nullable(text())},
                  {"subject_id", {{"type", json::array({"string", "null"})}, {"description", "a citizen's, masked"}}},
                  {"person", person}}),
          200};
}

}  // namespace jiaohe::api::handlers
