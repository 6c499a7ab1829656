#include "api/handlers/metrics.hpp"

#include <chrono>

#include "engine/store/workload_gauges.hpp"

namespace jiaohe::api::handlers {
namespace {

constexpr std::string_view kScanStatuses[] = {"running", "succeeded", "failed"};

double unix_seconds(engine::Instant t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}

// Task and scan gauges, read from the database now (a scrape sees the current state).
void write_workload(std::string& out, const engine::store::WorkloadGauges& g) {
  write_family(out, "jiaohe_tasks_open", "gauge", "Tasks not yet final, by kind.");
  for (const auto& [kind, gauge] : g.tasks_by_kind)
    write_sample(out, "jiaohe_tasks_open", {{"kind", kind}}, static_cast<double>(gauge.open));
  write_family(out, "jiaohe_tasks_overdue", "gauge", "Open tasks past their deadline without an answer, by kind.");
  for (const auto& [kind, gauge] : g.tasks_by_kind)
    write_sample(out, "jiaohe_tasks_overdue", {{"kind", kind}}, static_cast<double>(gauge.overdue));
  if (!g.last_scan) return;
  const auto& scan = *g.last_scan;
  write_family(out, "jiaohe_last_scan_id", "gauge", "Id of the newest scan.");
  write_sample(out, "jiaohe_last_scan_id", {}, static_cast<double>(scan.id));
  // One series per status, 1 for the newest scan's (the usual encoding of an enumeration).
  write_family(out, "jiaohe_last_scan_status", "gauge", "Status of the newest scan: 1 for its status, 0 for the others.");
  for (auto status : kScanStatuses)
    write_sample(out, "jiaohe_last_scan_status", {{"status", std::string(status)}}, status == scan.status ? 1 : 0);
  if (!scan.finished_at) return;
  write_family(out, "jiaohe_last_scan_finished_timestamp_seconds", "gauge",
               "When the newest scan finished, in seconds since the Unix epoch.");
  write_sample(out, "jiaohe_last_scan_finished_timestamp_seconds", {}, unix_seconds(*scan.finished_at));
}

}  // namespace

Response metrics(const Request&, AppContext& ctx) {
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  write_workload(r.body, engine::store::workload_gauges(ctx.database_url, ctx.clock->now()));
  ctx.metrics->write(r.body);
  return r;
}

RouteSchema metrics_schema() {
  RouteSchema s{nullptr, {{"type", "string"}, {"description", "the Prometheus text exposition format 0.0.4"}}, 200};
  s.response_types = {"text/plain; version=0.0.4"};
  return s;
}

}  // namespace jiaohe::api::handlers
