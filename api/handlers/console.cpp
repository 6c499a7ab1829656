#include "api/handlers/console.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "api/handlers/console_assets.hpp"
#include "api/handlers/console_report.hpp"
#include "api/agency_scope.hpp"
#include "api/pagination.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::api::handlers {
namespace {

using nlohmann::json;

// The console's own policy: scripts, styles and data only from this server, nothing inline,
// no frames, no plugins, no form posts anywhere (the console sends JSON with fetch).
constexpr const char* kConsolePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Days of the working-day calendar sent around today: deadlines a year ahead, answers two
// months back.
constexpr int kCalendarDaysBefore = 62;
constexpr int kCalendarDaysAfter = 400;

void secure(Response& r, const std::string& policy) {
  r.headers.emplace_back("Content-Security-Policy", policy);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
}

bool accepts_gzip(const Request& request) {
  // Enough for every browser's "gzip, deflate, br"; a q=0 opt-out is not worth parsing.
  return request.header("accept-encoding").find("gzip") != std::string::npos;
}

// 200 with the body, or 304 when the client already holds this version.
Response cacheable(const Request& request, std::string content_type, std::string etag, std::string_view body,
                   std::string_view gzip, const std::string& cache_control) {
  Response r;
  r.content_type = std::move(content_type);
  secure(r, kConsolePolicy);
  r.headers.emplace_back("Cache-Control", cache_control);
  r.headers.emplace_back("ETag", etag);
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (request.header("if-none-match") == etag) {
    r.status = 304;
    return r;
  }
  if (!gzip.empty() && accepts_gzip(request)) {
    r.headers.emplace_back("Content-Encoding", "gzip");
    r.body.assign(gzip);
  } else {
    r.body.assign(body);
  }
  return r;
}

Response asset_response(const Request& request, const ConsoleAsset& asset) {
  // A versioned reference never changes; anything else is checked again each time.
  auto it = request.query.find("v");
  const bool versioned = it != request.query.end() && it->second == asset.version;
  return cacheable(request, std::string(asset.content_type), "\"" + std::string(asset.version) + "\"", asset.body,
                   asset.gzip, versioned ? "public, max-age=31536000, immutable" : "no-cache");
}

// The working days from `first` on, one character per day ('1' working, '0' not).
json calendar_window(const engine::calendar::WorkingCalendar& calendar, engine::Instant now) {
  using engine::calendar::LocalDay;
  const LocalDay today = engine::calendar::local_day_of(now);
  const LocalDay first = today - std::chrono::days(kCalendarDaysBefore);
  const LocalDay last = today + std::chrono::days(kCalendarDaysAfter);
  std::string working;
  std::optional<LocalDay> provisional_from;
  for (LocalDay d = first; d <= last; d += std::chrono::days(1)) {
    working += calendar.is_working_day(d) ? '1' : '0';
    if (!provisional_from && !calendar.is_covered(engine::calendar::year_of(d))) provisional_from = d;
  }
  return {{"version", calendar.version()},
          {"today", engine::calendar::format_date(today)},
          {"first", engine::calendar::format_date(first)},
          {"working", working},
          {"provisional_from", provisional_from ? json(engine::calendar::format_date(*provisional_from)) : json(nullptr)}};
}

// Each procedure of the statute profile with who acts and whether, and by whom, it may be
// extended: the console offers the extension and its decision only where the profile has one
// (the law is data here too: no procedure's rule lives in the console).
json procedures(const engine::statute::StatuteProfile& profile) {
  json out = json::object();
  for (const auto& [id, p] : profile.procedures)
    out[id] = {{"actor", p.actor},
               {"article", p.article},
               {"extension", p.extension ? json{{"approver", p.extension->approver}, {"article", p.extension->article}}
                                         : json(nullptr)}};
  return out;
}

}  // namespace

const ConsoleAsset* console_asset(std::string_view name) {
  const auto& all = console_assets();
  auto it = std::find_if(all.begin(), all.end(), [&](const ConsoleAsset& a) { return a.name == name; });
  return it == all.end() ? nullptr : &*it;
}

// GET / (a query string, e.g. from a link that tracks campaigns, is ignored: it is a page)
Response console_index(const Request& request, AppContext&) {
  return asset_response(request, *console_asset("index.html"));
}

// GET /console/{file}
Response console_file(const Request& request, AppContext&) {
  const auto& name = request.params.at("file");
  const auto* asset = name == "index.html" ? nullptr : console_asset(name);
  if (!asset) return problem(404, "Not found", "no resource at this path");
  return asset_response(request, *asset);
}

// GET /console/reference.json
Response console_reference(const Request& request, AppContext& ctx) {
  json doc = catalogue_reference(ctx);
  doc["calendar"] = calendar_window(*ctx.workflow.calendar, ctx.clock->now());
  if (ctx.workflow.profile) doc["procedures"] = procedures(*ctx.workflow.profile);
  const std::string body = doc.dump();
  return cacheable(request, "application/json", "\"" + engine::util::sha256_hex(body).substr(0, 16) + "\"", body, {},
                   "no-cache");
}

// GET /reports/quality.html
Response console_quality_report(const Request& request, AppContext& ctx) {
  QueryReader q(request);
  QualityReportRequest wanted;
  wanted.scan = q.id("scan");
  if (auto refusal = q.refusal()) return *refusal;
  if (auto it = request.query.find("agency"); it != request.query.end()) wanted.agency = it->second;
  auto document = quality_report_document(*request.caller, wanted, ctx);
  if (auto* refusal = std::get_if<Response>(&document)) return std::move(*refusal);
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = quality_report_html(std::get<json>(document));
  secure(r, quality_report_csp());
  // Personal to the caller's scope: never kept by a shared cache.
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

namespace {

// A text answer of these media types (what cmake/EmbedConsoleFiles.cmake gives each file).
RouteSchema text_answer(std::vector<std::string> types) {
  RouteSchema s{nullptr, schema::text(), 200};
  s.response_types = std::move(types);
  return s;
}

}  // namespace

RouteSchema console_index_schema() { return text_answer({"text/html"}); }

RouteSchema console_file_schema() {
  auto s = text_answer({"text/javascript", "text/css", "image/svg+xml"});
  s.query = {{"v", {{"type", "string"}}, "The file's version as index.html names it: the answer may then be cached for good"}};
  return s;
}

RouteSchema console_reference_schema() {
  using namespace schema;
  const json procedure =
      record({{"actor", text()},
              {"article", text()},
              {"extension", nullable(record({{"approver", text()}, {"article", text()}}))}});
  json body = shape(
      {{"datasets", {{"type", "array"},
                     {"items", record({{"id", text()}, {"title", text()}, {"agency_code", text()}, {"agency_name", text()}})}}},
       {"attributes", {{"type", "array"}, {"items", record({{"name", text()}, {"type", text()}})}}},
       {"rules", {{"type", "array"}, {"items", record({{"id", text()}, {"kind", text()}, {"severity", text()}})}}},
       {"calendar", record({{"version", text()},
                            {"today", date()},
                            {"first", date()},
                            {"working", {{"type", "string"},
                                         {"pattern", "^[01]*$"},
                                         {"description", "one character per day from first: 1 working, 0 not"}}},
                            {"provisional_from", nullable(date())}})},
       {"procedures", {{"type", "object"},
                       {"description", "the statute profile's procedures by id"},
                       {"additionalProperties", procedure}}}},
      {"procedures"});
  body["additionalProperties"] = false;
  return {nullptr, body, 200};
}

RouteSchema console_quality_report_schema() {
  auto s = text_answer({"text/html"});
  s.query = {query::id("scan", "The scan (default: the latest successful one)"), agency_parameter()};
  return s;
}

}  // namespace jiaohe::api::handlers
