#pragma once
// The web console, served by the API's own server (docs/CONSOLE.md):
//   GET /                        the console's page (index.html)
//   GET /console/{file}          its scripts, styles and the chart library, embedded at build time
//   GET /console/reference.json  public reference data the /v1 API does not carry: the working-day
//                                calendar around today (to count the working days left before a
//                                deadline), the catalogue's dataset titles and the rule pack's kinds
//   GET /reports/quality.html    the self-contained quality report (bearer token; as
//                                `jiaohe report quality --html`), ?scan=ID&agency=CODE
// Every answer carries a strict Content-Security-Policy (no inline script or style in the
// console) and caching headers: versioned files are immutable, the rest revalidate by ETag.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response console_index(const Request& request, AppContext& ctx);
Response console_file(const Request& request, AppContext& ctx);
Response console_reference(const Request& request, AppContext& ctx);
Response console_quality_report(const Request& request, AppContext& ctx);
// For /openapi.json: each answer's media types and schema, the parameters of the console's file
// and of the HTML report.
RouteSchema console_index_schema();
RouteSchema console_file_schema();
RouteSchema console_reference_schema();
RouteSchema console_quality_report_schema();

}  // namespace jiaohe::api::handlers
