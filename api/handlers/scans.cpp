#include "api/handlers/scans.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers/json_fields.hpp"
#include "api/handlers/task_access.hpp"
#include "api/json_body.hpp"
#include "api/pagination.hpp"
#include "api/problem.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/store/scan_records.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::api::handlers {
namespace {

using nlohmann::json;

const std::vector<FieldSpec> kScanFields = {{"mode", FieldType::kString, true},
                                            {"datasets", FieldType::kArray, false}};

json scan_json(const engine::store::ScanRecord& s) {
  const auto& p = s.progress;
  return {{"id", s.id},
          {"mode", s.mode},
          {"status", s.status},
          {"started_at", engine::calendar::format_instant(s.started_at)},
          {"finished_at", optional_instant(s.finished_at)},
          {"datasets", s.datasets},
          {"pack", {{"name", s.pack}, {"version", s.pack_version}}},
          {"progress",
           {{"rows_scanned", p.rows_scanned},
            {"datasets_done", p.datasets_done},
            {"datasets_total", s.datasets.size()},
            {"dataset", optional_text(p.dataset)},
            {"phase", optional_text(p.phase)}}},
          {"counts",
           {{"findings_new", s.findings_new},
            {"findings_seen", s.findings_seen},
            {"findings_resolved", s.findings_resolved},
            {"findings_reopened", s.findings_reopened}}},
          {"error", optional_text(s.error)}};
}

// scan_json's JSON Schema: the component Scan.
json scan_schema() {
  using namespace schema;
  return component("Scan", shape({{"id", integer()},
                                  {"mode", {{"enum", {"full", "incremental"}}}},
                                  {"status", {{"enum", {"running", "succeeded", "failed"}}}},
                                  {"started_at", instant()},
                                  {"finished_at", nullable(instant())},
                                  {"datasets", texts()},
                                  {"pack", record({{"name", text()}, {"version", text()}})},
                                  {"progress", record({{"rows_scanned", integer()},
                                                       {"datasets_done", integer()},
                                                       {"datasets_total", integer()},
                                                       {"dataset", nullable(text())},
                                                       {"phase", nullable(text())}})},
                                  {"counts", record({{"findings_new", integer()},
                                                     {"findings_seen", integer()},
                                                     {"findings_resolved", integer()},
                                                     {"findings_reopened", integer()}})},
                                  {"error", nullable(text())}}));
}

// The datasets named in the body, each a dataset of the catalogue, or the 422 naming each
// bad one (with "did you mean").
std::variant<std::vector<std::string>, Response> chosen_datasets(const json& body, const AppContext& ctx) {
  std::vector<std::string> chosen;
  if (!body.contains("datasets")) return chosen;
  std::vector<std::string> known;
  for (const auto& d : ctx.workflow.catalogue->datasets) known.push_back(d.id);
  std::vector<FieldError> errors;
  const auto& items = body["datasets"];
  if (items.empty()) errors.push_back({"/datasets", "name at least one dataset, or leave the field out for all", ""});
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto pointer = "/datasets/" + std::to_string(i);
    if (!items[i].is_string()) {
      errors.push_back({pointer, "must be a string", ""});
      continue;
    }
    const auto id = items[i].get<std::string>();
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      std::string detail = "not a dataset of the catalogue";
      if (auto near = rules::text::nearest_name(id, known)) detail += " (did you mean '" + *near + "'?)";
      errors.push_back({pointer, detail, ""});
    } else if (std::find(chosen.begin(), chosen.end(), id) != chosen.end()) {
      errors.push_back({pointer, "named twice", ""});
    } else {
      chosen.push_back(id);
    }
  }
  if (!errors.empty()) return invalid(errors);
  return chosen;
}

}  // namespace

RouteSchema start_scan_schema() { return {body_schema(kScanFields), schema::closed(scan_schema()), 202}; }

// POST /v1/scans
Response start_scan(const Request& request, AppContext& ctx) {
  auto parsed = parse_body(request, kScanFields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  const auto& body = std::get<json>(parsed);
  const auto mode_text = string_field(body, "mode");
  if (mode_text != "full" && mode_text != "incremental")
    return invalid({{"/mode", "must be \"full\" or \"incremental\"", ""}});
  if (!ctx.scans || !ctx.workflow.catalogue)
    return problem(503, "Service unavailable", "this server was started without a scan launcher");
  auto datasets = chosen_datasets(body, ctx);
  if (auto* refusal = std::get_if<Response>(&datasets)) return std::move(*refusal);

  const auto mode = mode_text == "full" ? engine::scan::ScanMode::kFull : engine::scan::ScanMode::kIncremental;
  std::int64_t id = 0;
  try {
    id = ctx.scans->start(mode, std::get<std::vector<std::string>>(datasets));
  } catch (const engine::scan::ScanBusy& e) {
    return problem(409, "Conflict", "another scan is running on dataset " + e.dataset +
                                        "; retry once it has ended (GET /v1/scans shows it running)");
  } catch (const engine::scan::ScanError& e) {
    return problem(422, "Invalid input", e.what());
  }
  Response r;
  r.status = 202;
  r.headers.emplace_back("Location", "/v1/scans/" + std::to_string(id));
  r.body = scan_json(*engine::store::find_scan(ctx.database_url, id)).dump();
  return r;
}

// GET /v1/scans/{id}
Response get_scan(const Request& request, AppContext& ctx) {
  const auto id = id_param(request);
  const auto scan = id ? engine::store::find_scan(ctx.database_url, *id) : std::nullopt;
  if (!scan) return problem(404, "Not found", "no scan has that id");
  Response r;
  r.body = scan_json(*scan).dump();
  return r;
}

// GET /v1/scans
Response list_scans(const Request& request, AppContext& ctx) {
  auto page = page_query(request);
  if (auto* refusal = std::get_if<Response>(&page)) return std::move(*refusal);
  return page_response(engine::store::list_scans(ctx.database_url, std::get<engine::store::PageQuery>(page)), scan_json);
}

RouteSchema list_scans_schema() {
  RouteSchema s{nullptr, page_schema(schema::closed(scan_schema())), 200};
  s.query = query::page();
  return s;
}

RouteSchema get_scan_schema() { return {nullptr, schema::closed(scan_schema()), 200}; }

}  // namespace jiaohe::api::handlers
