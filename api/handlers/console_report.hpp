#pragma once
// The quality report that travels: one HTML file per scan, drawn by the console's own report
// script (api/console/report.js) from a data block, with the chart library, the script and the
// styles inlined, so that it opens with no network and no server. Its data are the answer of
// GET /v1/reports/quality (which carries no personal data), the catalogue's titles and the rule
// pack's kinds; `jiaohe report quality --html` writes it and `serve` answers it at
// /reports/quality.html.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/http.hpp"

namespace jiaohe::api::handlers {

struct QualityReportRequest {
  std::optional<std::int64_t> scan;  // default: the newest successful scan
  std::string agency;                // "" = every agency the caller may see
  int trend_scans = 12;              // the scan and up to this many - 1 earlier ones
};

// The report's data for `caller`, as the API would answer that caller; or the refusal (403 for
// another agency, 404 for a scan that is not a successful one the caller may see).
std::variant<nlohmann::json, Response> quality_report_document(const engine::auth::Caller& caller,
                                                               const QualityReportRequest& request, AppContext& ctx);

// The whole page for a document of quality_report_document().
std::string quality_report_html(const nlohmann::json& document);

// The policy the page is served with: its inline script and style by their hashes, nothing else.
const std::string& quality_report_csp();

// Public reference data for the console and the report: dataset titles and agencies, attribute
// names, rule kinds and severities (from the rule pack, when loaded).
nlohmann::json catalogue_reference(const AppContext& ctx);

}  // namespace jiaohe::api::handlers
