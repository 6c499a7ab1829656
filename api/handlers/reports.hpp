#pragma once
// Supervision reports (Art. 5, 20, 47). GET /v1/reports/quality: per successful scan, each
// dataset's rule results (rows checked, rows failing, share passing), filters dataset, agency,
// from, to; cursor pages of scans. GET /v1/reports/on-time: task figures per agency for the
// dates from..to in Asia/Shanghai (default: the current month), with the reopen rate, the
// corrections not effective and the rectification orders open and overdue now. An agency sees
// only its own datasets and row; the authority all.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response quality_report(const Request& request, AppContext& ctx);
// GET /v1/reports/quality-trend: each dataset's score over its last N scans (a trend).
Response quality_trend_report(const Request& request, AppContext& ctx);
Response on_time_report(const Request& request, AppContext& ctx);
// GET /v1/reports/access: staff reads of personal data per reader (role and agency) for the
// dates from..to (default: the current month): entries, distinct subjects, entries per action.
Response access_report(const Request& request, AppContext& ctx);
// For /openapi.json: each report's parameters.
RouteSchema quality_report_schema();
RouteSchema quality_trend_report_schema();
RouteSchema on_time_report_schema();
RouteSchema access_report_schema();

}  // namespace jiaohe::api::handlers
