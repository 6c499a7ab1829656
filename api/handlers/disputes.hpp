#pragma once
// POST /v1/disputes and GET /v1/disputes/{id}: filing a dispute or withdrawal request and
// following it. Access: a citizen files and reads only for its own identifier (another's
// dispute is 404); the authority files on behalf of a party and reads all; an agency reads the
// disputes about it. Staff reads are recorded in access_log.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response file_dispute(const Request& request, AppContext& ctx);
Response get_dispute(const Request& request, AppContext& ctx);

// For /openapi.json: the filing body and the dispute both routes answer with.
RouteSchema file_dispute_schema();
RouteSchema get_dispute_schema();

}  // namespace jiaohe::api::handlers
