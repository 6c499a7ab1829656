// The one table of endpoints.
#include "api/handlers/access_log.hpp"
#include "api/handlers/console.hpp"
#include "api/handlers/dataset_publication.hpp"
#include "api/handlers/dispute_documents.hpp"
#include "api/handlers/dispute_followup.hpp"
#include "api/handlers/disputes.hpp"
#include "api/handlers/findings.hpp"
#include "api/handlers/flags.hpp"
#include "api/handlers/health.hpp"
#include "api/handlers/me.hpp"
#include "api/handlers/metrics.hpp"
#include "api/handlers/reports.hpp"
#include "api/handlers/scans.hpp"
#include "api/handlers/tasks.hpp"
#include "api/openapi.hpp"
#include "api/router.hpp"
#include "engine/disputes/supporting_document.hpp"

namespace jiaohe::api {

using engine::auth::Role;

static std::vector<Route> endpoints();

// `schema` with the statuses particular to the route; the server's own (400, 401, 403, 413,
// 503, the Idempotency-Key ones) are added by answered_statuses (api/openapi.hpp).
static RouteSchema answers(std::vector<int> problems, RouteSchema schema = {}) {
  schema.problems.insert(schema.problems.end(), problems.begin(), problems.end());
  return schema;
}

// The endpoints and GET /openapi.json, which describes them all.
std::vector<Route> make_routes() { return with_openapi(endpoints()); }

std::vector<Route> endpoints() {
  return {
      {"GET", "/healthz", "Liveness and database status", 0, handlers::health, {}, handlers::health_schema()},
      {"GET", "/metrics", "Prometheus metrics: requests, durations, open and overdue tasks, last scan", 0,
       handlers::metrics, {Role::kAdmin}, handlers::metrics_schema()},
      {"POST", "/v1/disputes", "File a dispute or withdrawal request", 0, handlers::file_dispute,
       {Role::kCitizen, Role::kAuthority}, answers({422}, handlers::file_dispute_schema())},
      {"GET", "/v1/disputes/{id}", "A dispute: status, deadline and history", 0, handlers::get_dispute,
       {Role::kCitizen, Role::kAgency, Role::kAuthority}, answers({404}, handlers::get_dispute_schema())},
      {"GET", "/v1/disputes", "The caller's disputes, newest first (filters: status, kind)", 0, handlers::list_disputes,
       {Role::kCitizen, Role::kAgency, Role::kAuthority}, handlers::list_disputes_schema()},
      // Supporting documents: the upload's limit is the document's, for this route only.
      {"POST", "/v1/disputes/{id}/documents", "Attach a supporting document (PDF, JPEG or PNG, at most 2 MiB)",
       engine::disputes::kMaxDocumentBytes, handlers::upload_document, {Role::kCitizen, Role::kAuthority},
       handlers::upload_document_schema()},
      {"GET", "/v1/disputes/{id}/documents", "A dispute's supporting documents, oldest first", 0,
       handlers::list_documents, {Role::kCitizen, Role::kAgency, Role::kAuthority}, handlers::list_documents_schema()},
      {"GET", "/v1/disputes/{id}/documents/{doc}", "One supporting document's bytes, as an attachment", 0,
       handlers::get_document, {Role::kCitizen, Role::kAgency, Role::kAuthority}, handlers::get_document_schema()},
      {"POST", "/v1/disputes/{id}/appeal", "Appeal a dispute's result once (a review by the authority)", 0,
       handlers::appeal_dispute, {Role::kCitizen, Role::kAuthority},
       answers({404, 409, 422}, handlers::appeal_dispute_schema())},
      {"GET", "/v1/tasks",
       "The caller's task queue (filters: status, kind, dataset, assignee, assigned_to, due_before, overdue)", 0,
       handlers::list_tasks, {Role::kAgency, Role::kAuthority}, handlers::list_tasks_schema()},
      {"GET", "/v1/tasks/{id}", "A task with its findings, dispute and the subject's values", 0, handlers::get_task,
       {Role::kAgency, Role::kAuthority}, answers({404}, handlers::get_task_schema())},
      {"GET", "/v1/tasks/{id}/events", "A task's history, oldest first", 0, handlers::task_events,
       {Role::kAgency, Role::kAuthority}, answers({404}, handlers::task_events_schema())},
      {"POST", "/v1/tasks/{id}/start", "Acknowledge a task: the assignee starts work on it", 0, handlers::start_task,
       {Role::kAgency, Role::kAuthority}, answers({404, 409, 422}, handlers::start_task_schema())},
      {"POST", "/v1/tasks/{id}/assign", "Assign (or reassign) a task to a member of the assignee's staff", 0,
       handlers::assign_task, {Role::kAgency, Role::kAuthority}, answers({404, 409, 422}, handlers::assign_task_schema())},
      {"POST", "/v1/tasks/{id}/comments", "Comment on a task (shown on the task read)", 0, handlers::comment_task,
       {Role::kAgency, Role::kAuthority}, answers({404, 422}, handlers::comment_task_schema())},
      {"POST", "/v1/tasks/{id}/answer", "Answer a task (finding, dispute, withdrawal or review)", 0,
       handlers::answer_task, {Role::kAgency, Role::kAuthority}, answers({404, 409, 422}, handlers::answer_task_schema())},
      {"POST", "/v1/tasks/{id}/extension", "Ask for the procedure's extension", 0, handlers::request_extension,
       {Role::kAgency, Role::kAuthority}, answers({404, 409, 422}, handlers::request_extension_schema())},
      {"POST", "/v1/tasks/{id}/extension/decision", "The approver's decision on an extension", 0,
       handlers::decide_extension, {Role::kAgency, Role::kAuthority}, answers({404, 409, 422}, handlers::decide_extension_schema())},
      {"POST", "/v1/tasks/{id}/forward", "Forward a dispute filed with the authority to its agency", 0,
       handlers::forward_task, {Role::kAuthority}, answers({404, 409, 422}, handlers::forward_task_schema())},
      {"POST", "/v1/scans", "Start a scan in the background", 4096, handlers::start_scan,
       {Role::kAuthority, Role::kAdmin}, answers({409, 422}, handlers::start_scan_schema())},
      {"GET", "/v1/scans", "Scans, newest first", 0, handlers::list_scans, {Role::kAuthority, Role::kAdmin},
       handlers::list_scans_schema()},
      {"GET", "/v1/scans/{id}", "A scan: status, progress, counts and error", 0, handlers::get_scan,
       {Role::kAuthority, Role::kAdmin}, answers({404}, handlers::get_scan_schema())},
      {"GET", "/v1/findings", "Findings, filtered, newest first", 0, handlers::list_findings,
       {Role::kAgency, Role::kAuthority}, answers({422}, handlers::list_findings_schema())},
      {"GET", "/v1/findings/{id}", "A finding with its evidence", 0, handlers::get_finding,
       {Role::kAgency, Role::kAuthority}, answers({404}, handlers::get_finding_schema())},
      {"GET", "/v1/datasets/publication", "Datasets whose publication an exposure of personal data suspended (Art. 44 para. 3)", 0, handlers::list_dataset_publication, {Role::kAgency, Role::kAuthority}, handlers::list_dataset_publication_schema()},
      {"GET", "/v1/flags", "Live 异议标注 flags of a subject (subject) or a record (dataset, record)", 0,
       handlers::list_flags, {Role::kCitizen, Role::kAgency, Role::kAuthority}, handlers::list_flags_schema()},
      {"GET", "/v1/reports/quality", "Quality per dataset and scan", 0, handlers::quality_report,
       {Role::kAgency, Role::kAuthority}, handlers::quality_report_schema()},
      {"GET", "/v1/reports/quality-trend", "Each dataset's quality score over its last N scans", 0,
       handlers::quality_trend_report, {Role::kAgency, Role::kAuthority}, handlers::quality_trend_report_schema()},
      {"GET", "/v1/reports/on-time",
       "Per agency for a period: on-time figures, corrections found again, corrections not effective; "
       "rectification orders open and overdue now", 0, handlers::on_time_report,
       {Role::kAgency, Role::kAuthority}, handlers::on_time_report_schema()},
      {"GET", "/v1/reports/access", "Staff reads of personal data per agency for a period", 0, handlers::access_report,
       {Role::kAgency, Role::kAuthority}, handlers::access_report_schema()},
      {"GET", "/v1/me", "Who the caller's token is: role, unit, the person it names (and whether a head)", 0,
       handlers::who_am_i, {Role::kCitizen, Role::kAgency, Role::kAuthority, Role::kAdmin}, handlers::who_am_i_schema()},
      {"GET", "/v1/me/access-log", "Who read the caller's personal data, when and for which agency", 0,
       handlers::my_access_log, {Role::kCitizen}, handlers::my_access_log_schema()},
      // The web console (docs/CONSOLE.md): its page and embedded files, public reference data
      // (calendar, catalogue titles, rule kinds), and the quality report as one HTML file.
      {"GET", "/", "The web console", 0, handlers::console_index, {}, answers({304}, handlers::console_index_schema())},
      {"GET", "/console/reference.json", "The console's reference data: working days, dataset titles, rule kinds", 0,
       handlers::console_reference, {}, answers({304}, handlers::console_reference_schema())},
      {"GET", "/console/{file}", "A file of the web console", 0, handlers::console_file, {},
       answers({304, 404}, handlers::console_file_schema())},
      {"GET", "/reports/quality.html", "The quality report of a scan as one self-contained HTML page", 0,
       handlers::console_quality_report, {Role::kAgency, Role::kAuthority},
       answers({404}, handlers::console_quality_report_schema())},
  };
}

}  // namespace jiaohe::api
