#include "api/handlers/reports.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "api/agency_scope.hpp"
#include "api/handlers/access_log.hpp"
#include "api/pagination.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/store/access_queries.hpp"
#include "engine/store/report_queries.hpp"
#include "engine/store/task_statistics.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::calendar::LocalDay;
using nlohmann::json;

// How many scans a quality trend covers by default, and at most.
constexpr std::int64_t kDefaultTrendScans = 10;
constexpr std::int64_t kMaxTrendScans = 100;

// part / whole, or null when there is no whole to share.
json share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? json(static_cast<double>(part) / static_cast<double>(whole)) : json(nullptr);
}

// A dataset's score in one scan: the share of its checks (rows x rules) that passed.
json score_json(std::int64_t rows, std::int64_t checks, std::int64_t failed) {
  return {{"rows_checked", rows}, {"checks", checks}, {"checks_failed", failed}, {"share_passing", share(checks - failed, checks)}};
}

json quality_json(const engine::store::ScanQuality& scan) {
  json datasets = json::array();
  for (const auto& d : scan.datasets) {
    json rules = json::array();
    std::int64_t rows = 0, checks = 0, failed = 0;
    for (const auto& r : d.rules) {
      rules.push_back({{"rule_id", r.rule_id},
                       {"rows_checked", r.rows_checked},
                       {"rows_failed", r.rows_failed},
                       {"share_passing", share(r.rows_checked - r.rows_failed, r.rows_checked)}});
      rows = std::max(rows, r.rows_checked);
      checks += r.rows_checked;
      failed += r.rows_failed;
    }
    json dataset = {{"dataset_id", d.dataset_id}, {"agency_code", d.agency_code}};
    dataset.update(score_json(rows, checks, failed));
    dataset["rules"] = std::move(rules);
    datasets.push_back(std::move(dataset));
  }
  return {{"scan_id", scan.id}, {"at", engine::calendar::format_instant(scan.at)}, {"datasets", std::move(datasets)}};
}

// ?from= and ?to=: local dates, both included, each optional.
struct DateRange {
  std::optional<LocalDay> from, to;
};

std::variant<DateRange, Response> date_range(const Request& request) {
  QueryReader q(request);
  DateRange range{q.local_date("from"), q.local_date("to")};
  if (auto refusal = q.refusal()) return *refusal;
  if (range.from && range.to && *range.from > *range.to) return bad_parameter("to", "must not be before from");
  return range;
}

// The instant a local date begins, and the instant after the last included date.
engine::Instant start_of(LocalDay day) { return engine::calendar::start_of_local_day(day); }
engine::Instant end_of(LocalDay day) { return engine::calendar::start_of_local_day(day + std::chrono::days(1)); }

// The month of `t` in Asia/Shanghai.
DateRange month_of(engine::Instant t) {
  using namespace std::chrono;
  const year_month_day today = engine::calendar::local_date_of(t);
  return {sys_days(today.year() / today.month() / day(1)), sys_days(today.year() / today.month() / std::chrono::last)};
}

// A report over whole days: `from` and `to` both given, or neither (then the month of `now`
// in Asia/Shanghai).
std::variant<Response, DateRange> whole_days(const Request& request, engine::Instant now) {
  auto range = date_range(request);
  if (auto* refusal = std::get_if<Response>(&range)) return std::move(*refusal);
  auto dates = std::get<DateRange>(range);
  if (!dates.from && !dates.to) return month_of(now);
  if (!dates.from || !dates.to) return bad_parameter(dates.from ? "to" : "from", "give both from and to, or neither");
  return dates;
}

// The body of a report over whole days: the days, then its rows under `rows_name`.
Response days_report(const DateRange& dates, const char* rows_name, json rows) {
  Response r;
  r.body = json{{"from", engine::calendar::format_date(*dates.from)},
                {"to", engine::calendar::format_date(*dates.to)},
                {rows_name, std::move(rows)}}
               .dump();
  return r;
}

}  // namespace

// GET /v1/reports/quality
Response quality_report(const Request& request, AppContext& ctx) {
  auto page = page_query(request);
  if (auto* refusal = std::get_if<Response>(&page)) return std::move(*refusal);
  auto agency = agency_scope(request);
  if (auto* refusal = std::get_if<Response>(&agency)) return std::move(*refusal);
  auto range = date_range(request);
  if (auto* refusal = std::get_if<Response>(&range)) return std::move(*refusal);

  engine::store::QualityFilter filter;
  if (auto it = request.query.find("dataset"); it != request.query.end()) filter.dataset = it->second;
  filter.agency = std::get<std::string>(agency);
  const auto& dates = std::get<DateRange>(range);
  if (dates.from) filter.from = start_of(*dates.from);
  if (dates.to) filter.to = end_of(*dates.to);
  return page_response(
      engine::store::quality_by_scan(ctx.database_url, filter, std::get<engine::store::PageQuery>(page)),
      quality_json);
}

// GET /v1/reports/quality-trend
Response quality_trend_report(const Request& request, AppContext& ctx) {
  auto agency = agency_scope(request);
  if (auto* refusal = std::get_if<Response>(&agency)) return std::move(*refusal);
  QueryReader q(request);
  const auto scans = q.id("scans").value_or(kDefaultTrendScans);
  if (auto refusal = q.refusal()) return *refusal;
  if (scans > kMaxTrendScans) return bad_parameter("scans", "at most " + std::to_string(kMaxTrendScans));

  engine::store::QualityFilter filter;
  if (auto it = request.query.find("dataset"); it != request.query.end()) filter.dataset = it->second;
  filter.agency = std::get<std::string>(agency);
  json datasets = json::array();
  for (const auto& d : engine::store::quality_trend(ctx.database_url, filter, static_cast<int>(scans))) {
    json points = json::array();
    for (const auto& p : d.points) {
      json point = {{"scan_id", p.scan_id}, {"at", engine::calendar::format_instant(p.at)}};
      point.update(score_json(p.rows_checked, p.checks, p.checks_failed));
      points.push_back(std::move(point));
    }
    const auto& first = points.front()["share_passing"];
    const auto& last = points.back()["share_passing"];
    const json change = first.is_null() || last.is_null() ? json(nullptr) : json(last.get<double>() - first.get<double>());
    datasets.push_back({{"dataset_id", d.dataset_id},
                        {"agency_code", d.agency_code},
                        {"points", std::move(points)},
                        {"change", change}});
  }
  Response r;
  r.body = json{{"scans", scans}, {"datasets", std::move(datasets)}}.dump();
  return r;
}

// GET /v1/reports/on-time
Response on_time_report(const Request& request, AppContext& ctx) {
  auto agency = agency_scope(request);
  if (auto* refusal = std::get_if<Response>(&agency)) return std::move(*refusal);
  const auto& only = std::get<std::string>(agency);
  auto range = whole_days(request, ctx.clock->now());
  if (auto* refusal = std::get_if<Response>(&range)) return std::move(*refusal);
  const auto& dates = std::get<DateRange>(range);

  const auto all = engine::store::task_statistics(ctx.database_url, *ctx.workflow.calendar, start_of(*dates.from),
                                                  end_of(*dates.to), ctx.clock->now());
  json agencies = json::array();
  for (const auto& s : all) {
    if (!only.empty() && s.agency != only) continue;
    agencies.push_back({{"agency", s.agency},
                        {"received", s.received},
                        {"answered", s.answered},
                        {"answered_on_time", s.answered_on_time},
                        {"on_time_share", share(s.answered_on_time, s.answered)},
                        {"overdue", s.overdue},
                        {"extended", s.extended},
                        {"average_working_days_to_answer", s.average_working_days_to_answer},
                        {"corrections", s.corrections},
                        {"corrections_found_again", s.corrections_found_again},
                        {"reopen_rate", share(s.corrections_found_again, s.corrections)},
                        {"correction_not_effective", s.correction_not_effective},
                        {"rectification_orders",
                         {{"open", s.rectification_orders_open}, {"overdue", s.rectification_orders_overdue}}}});
  }
  return days_report(dates, "agencies", std::move(agencies));
}

// GET /v1/reports/access
Response access_report(const Request& request, AppContext& ctx) {
  auto agency = agency_scope(request);
  if (auto* refusal = std::get_if<Response>(&agency)) return std::move(*refusal);
  auto range = whole_days(request, ctx.clock->now());
  if (auto* refusal = std::get_if<Response>(&range)) return std::move(*refusal);
  const auto& dates = std::get<DateRange>(range);

  engine::store::AccessFilter filter{std::get<std::string>(agency), start_of(*dates.from), end_of(*dates.to)};
  json readers = json::array();
  for (const auto& r : engine::store::access_by_reader(ctx.database_url, filter))
    readers.push_back({{"role", r.role},
                       {"agency_code", r.agency_code.empty() ? json(nullptr) : json(r.agency_code)},
                       {"agency", agency_name(ctx, r.agency_code)},
                       {"reads", r.reads},
                       {"subjects", r.subjects},
                       {"actions", r.actions}});
  return days_report(dates, "readers", std::move(readers));
}

// ?from= and ?to= as date_range reads them.
std::vector<QueryParameter> date_parameters(const char* when_absent) {
  return {query::date("from", std::string("First day included (Asia/Shanghai); ") + when_absent),
          query::date("to", std::string("Last day included (Asia/Shanghai); ") + when_absent)};
}

namespace {

// What score_json writes, for the schemas of the answers that carry a score.
json score_properties() {
  using namespace schema;
  return {{"rows_checked", integer()}, {"checks", integer()}, {"checks_failed", integer()},
          {"share_passing", nullable(number())}};
}

// `properties` and a score's.
json scored(json properties) {
  properties.update(score_properties());
  return schema::record(std::move(properties));
}

// A report over whole days (days_report): its days and its rows under `rows_name`.
json days_report_schema(const char* rows_name, json row) {
  using namespace schema;
  return record({{"from", date()}, {"to", date()}, {rows_name, {{"type", "array"}, {"items", std::move(row)}}}});
}

}  // namespace

RouteSchema quality_report_schema() {
  using namespace schema;
  const json rule = record({{"rule_id", text()},
                            {"rows_checked", integer()},
                            {"rows_failed", integer()},
                            {"share_passing", nullable(number())}});
  const json dataset = scored({{"dataset_id", text()}, {"agency_code", text()}, {"rules", {{"type", "array"}, {"items", rule}}}});
  RouteSchema s{nullptr,
                page_schema(record({{"scan_id", integer()},
                                    {"at", instant()},
                                    {"datasets", {{"type", "array"}, {"items", dataset}}}})),
                200};
  s.query = std::vector<QueryParameter>{query::text("dataset", "Only this dataset"), agency_parameter()} +
            date_parameters("absent: no bound") + query::page();
  return s;
}

RouteSchema quality_trend_report_schema() {
  using namespace schema;
  const json point = scored({{"scan_id", integer()}, {"at", instant()}});
  const json dataset = record({{"dataset_id", text()},
                               {"agency_code", text()},
                               {"points", {{"type", "array"}, {"items", point}}},
                               {"change", {{"type", json::array({"number", "null"})},
                                           {"description", "the last point's share_passing less the first's"}}}});
  RouteSchema s{nullptr, record({{"scans", integer()}, {"datasets", {{"type", "array"}, {"items", dataset}}}}), 200};
  // One row per dataset: not a paged list.
  s.query = {query::text("dataset", "Only this dataset"), agency_parameter(),
             query::id("scans", "How many of each dataset's last scans (default 10)", kMaxTrendScans)};
  return s;
}

RouteSchema on_time_report_schema() {
  using namespace schema;
  const json agency = record({{"agency", text()},
                              {"received", integer()},
                              {"answered", integer()},
                              {"answered_on_time", integer()},
                              {"on_time_share", nullable(number())},
                              {"overdue", integer()},
                              {"extended", integer()},
                              {"average_working_days_to_answer", number()},
                              {"corrections", integer()},
                              {"corrections_found_again", integer()},
                              {"reopen_rate", nullable(number())},
                              {"correction_not_effective", integer()},
                              {"rectification_orders", record({{"open", integer()}, {"overdue", integer()}})}});
  RouteSchema s{nullptr, days_report_schema("agencies", agency), 200};
  // One row per agency: not a paged list.
  s.query = std::vector<QueryParameter>{agency_parameter()} + date_parameters("give both or neither (the current month)");
  return s;
}

RouteSchema access_report_schema() {
  using namespace schema;
  const json reader = record({{"role", text()},
                              {"agency_code", nullable(text())},
                              {"agency", nullable(text())},
                              {"reads", integer()},
                              {"subjects", integer()},
                              {"actions", {{"type", "object"},
                                           {"description", "entries per action"},
                                           {"additionalProperties", integer()}}}});
  auto s = on_time_report_schema();  // the same parameters
  s.response = days_report_schema("readers", reader);
  return s;
}

}  // namespace jiaohe::api::handlers
