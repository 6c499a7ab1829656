#include "api/handlers/console_report.hpp"

#include <algorithm>

#include "api/handlers/console_assets.hpp"
#include "api/handlers/reports.hpp"
#include "api/problem.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::api::handlers {
namespace {

using nlohmann::json;

// What the page runs, in order: the chart library, then the console's modules the report uses
// (report.js draws it when the page holds a #report-data block).
constexpr const char* kReportScripts[] = {"echarts.common.min.js", "messages.js", "dom.js",
                                          "format.js",             "charts.js",   "report.js"};
constexpr const char* kReportStyles[] = {"console.css"};
constexpr int kScansPerPage = 50;

std::string asset_text(const char* name) {
  const auto* asset = console_asset(name);
  return asset ? std::string(asset->body) : std::string();
}

// Inside <script> and <style> the only thing that ends the element early is "</" + its name.
std::string inline_safe(std::string text) {
  for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3)) text.replace(at, 2, "<\\/");
  return text;
}

std::string joined(const auto& names) {
  std::string out;
  for (const char* name : names) out += inline_safe(asset_text(name)) + "\n;\n";
  return out;
}

// The inline script and style, built once (the same bytes the policy's hashes cover).
const std::string& report_script() {
  static const std::string text = joined(kReportScripts);
  return text;
}
const std::string& report_style() {
  static const std::string text = [] {
    std::string css;
    for (const char* name : kReportStyles) css += inline_safe(asset_text(name));
    return css;
  }();
  return text;
}

std::string base64(const std::string& bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const auto b = [&](std::size_t k) { return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u; };
    const unsigned n = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? alphabet[n & 63] : '=';
  }
  return out;
}

// 'sha256-...' as a Content-Security-Policy source for exactly `text`.
std::string csp_hash(const std::string& text) {
  const std::string hex = engine::util::sha256_hex(text);
  std::string digest;
  for (std::size_t i = 0; i < hex.size(); i += 2) digest += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return "'sha256-" + base64(digest) + "'";
}

// JSON that may stand inside <script type="application/json">: no '<', '>' or '&' at all, and
// no line separators, which some parsers treat as line ends.
std::string embeddable_json(const json& doc) {
  const std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (text.compare(i, 3, "\xE2\x80\xA8") == 0) out += "\\u2028", i += 2;
    else if (text.compare(i, 3, "\xE2\x80\xA9") == 0) out += "\\u2029", i += 2;
    else out += c;
  }
  return out;
}

// One page of GET /v1/reports/quality as `caller` would get it.
Response quality_page(const engine::auth::Caller& caller, const std::string& agency, const std::string& cursor,
                      AppContext& ctx) {
  Request request;
  request.method = "GET";
  request.path = "/v1/reports/quality";
  request.caller = caller;
  request.query["limit"] = std::to_string(kScansPerPage);
  if (!agency.empty()) request.query["agency"] = agency;
  if (!cursor.empty()) request.query["cursor"] = cursor;
  return quality_report(request, ctx);
}

}  // namespace

json catalogue_reference(const AppContext& ctx) {
  json datasets = json::array(), attributes = json::array(), rules = json::array();
  if (const auto* catalogue = ctx.workflow.catalogue) {
    for (const auto& d : catalogue->datasets)
      datasets.push_back({{"id", d.id}, {"title", d.title}, {"agency_code", d.agency.code}, {"agency_name", d.agency.name}});
    for (const auto& a : catalogue->attributes) attributes.push_back({{"name", a.name}, {"type", a.type}});
  }
  if (const auto* pack = ctx.pack)
    for (const auto& r : pack->rules) rules.push_back({{"id", r.id}, {"kind", r.kind}, {"severity", r.severity}});
  return {{"datasets", std::move(datasets)}, {"attributes", std::move(attributes)}, {"rules", std::move(rules)}};
}

std::variant<json, Response> quality_report_document(const engine::auth::Caller& caller,
                                                     const QualityReportRequest& wanted, AppContext& ctx) {
  json scans = json::array();
  std::string cursor;
  const auto trend = static_cast<std::size_t>(std::max(1, wanted.trend_scans));
  do {
    Response page = quality_page(caller, wanted.agency, cursor, ctx);
    if (page.status != 200) return page;
    const json body = json::parse(page.body);
    for (const auto& item : body.at("items")) {
      if (scans.empty() && wanted.scan && item.at("scan_id").get<std::int64_t>() != *wanted.scan) continue;
      if (scans.size() < trend) scans.push_back(item);
    }
    cursor = body.at("next_cursor").is_string() ? body.at("next_cursor").get<std::string>() : std::string();
  } while (!cursor.empty() && scans.size() < trend);
  if (scans.empty())
    return problem(404, "Not found",
                   wanted.scan              ? "no successful scan with this id in the caller's quality report"
                   : !wanted.agency.empty() ? "no successful scan scored a dataset of this agency"
                                            : "no successful scan yet: run a scan first");
  return json{{"generated_at", engine::calendar::format_instant(ctx.clock->now())},
              {"scan_id", scans.front().at("scan_id")},
              {"agency", wanted.agency.empty() ? json(nullptr) : json(wanted.agency)},
              {"scans", std::move(scans)},
              {"reference", catalogue_reference(ctx)}};
}

std::string quality_report_html(const json& document) {
  const auto scan = std::to_string(document.at("scan_id").get<std::int64_t>());
  std::string html;
  html += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>校核 · 数据质量报告 · 扫描 " + scan + "</title>\n";
  html += "<style>" + report_style() + "</style>\n</head>\n<body class=\"report-page\">\n";
  html += "<main id=\"report\" class=\"report\"><p>数据质量报告（扫描 " + scan +
          "）需要 JavaScript 才能显示图表。 The quality report needs JavaScript to draw its charts.</p></main>\n";
  html += "<script type=\"application/json\" id=\"report-data\">" + embeddable_json(document) + "</script>\n";
  html += "<script>" + report_script() + "</script>\n</body>\n</html>\n";
  return html;
}

const std::string& quality_report_csp() {
  static const std::string policy = "default-src 'none'; script-src " + csp_hash(report_script()) + "; style-src " +
                                    csp_hash(report_style()) +
                                    "; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return policy;
}

}  // namespace jiaohe::api::handlers
