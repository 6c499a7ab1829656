#pragma once
// POST /v1/scans starts a scan in the background (202 with its id once its record is
// committed; 409 while another scan holds one of its datasets); GET /v1/scans/{id} follows it
// (status, progress, counts, error) and GET /v1/scans lists scans, newest first. For the
// authority and admins: scan records hold no personal data.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response start_scan(const Request& request, AppContext& ctx);
Response get_scan(const Request& request, AppContext& ctx);
Response list_scans(const Request& request, AppContext& ctx);

// For /openapi.json: the body of POST /v1/scans and its 202, the list, the scan.
RouteSchema start_scan_schema();
RouteSchema list_scans_schema();
RouteSchema get_scan_schema();

}  // namespace jiaohe::api::handlers
