#pragma once
// GET /v1/findings (filters dataset, rule, status, agency, subject_id, scan; cursor pages) and
// GET /v1/findings/{id} (with its evidence). An agency sees only the findings of its own
// datasets (another's is 404), the authority all; citizens and admins may not use them. Staff
// reads of findings about a subject are recorded in access_log.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response list_findings(const Request& request, AppContext& ctx);
Response get_finding(const Request& request, AppContext& ctx);
// For /openapi.json: the filters and the page of GET /v1/findings, and one finding.
RouteSchema list_findings_schema();
RouteSchema get_finding_schema();

}  // namespace jiaohe::api::handlers
