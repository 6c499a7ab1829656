#pragma once
// Following disputes after filing: GET /v1/disputes (a citizen's own, the disputes about an
// agency, or all for the authority) and POST /v1/disputes/{id}/appeal (the party's one appeal
// of a result, which opens a review for the authority). Another citizen's dispute is 404.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response list_disputes(const Request& request, AppContext& ctx);
Response appeal_dispute(const Request& request, AppContext& ctx);
// For /openapi.json: the filters and the page of GET /v1/disputes, the appeal and its answer.
RouteSchema list_disputes_schema();
RouteSchema appeal_dispute_schema();

}  // namespace jiaohe::api::handlers
