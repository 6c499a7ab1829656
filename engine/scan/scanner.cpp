#include "engine/scan/scanner.hpp"

#include <algorithm>
#include <set>

#include "engine/calendar/local_time.hpp"
#include "engine/log/log.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "engine/scan/row_evaluator.hpp"
#include "engine/store/scan_store.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr std::size_t kStageBytes = 8 << 20;  // flush staging buffers to PostgreSQL at this size
constexpr std::int64_t kProgressRows = 65536;

std::vector<std::string> chosen_datasets(const ScanRequest& request, const catalog::Catalogue& catalogue) {
  std::vector<std::string> all;
  for (const auto& d : catalogue.datasets) all.push_back(d.id);
  if (request.datasets.empty()) return all;
  for (const auto& id : request.datasets) {
    if (catalogue.dataset(id)) continue;
    std::string msg = "unknown dataset \"" + id + "\"";
    if (auto near = rules::text::nearest_name(id, all)) msg += " (did you mean \"" + *near + "\"?)";
    throw ScanError(msg);
  }
  return request.datasets;
}

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

}  // namespace

Scanner::Scanner(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack)
    : url_(std::move(database_url)), catalogue_(catalogue), pack_(pack) {}

ScanSummary Scanner::run(const ScanRequest& request, ScanObserver& observer) {
  const auto started = std::chrono::steady_clock::now();
  const bool incremental = request.mode == ScanMode::kIncremental;
  const auto dataset_ids = chosen_datasets(request, catalogue_);
  const rules::kinds::RowContext context{std::chrono::year_month_day(calendar::local_day_of(request.now))};
  std::vector<DatasetPlan> plans;
  for (const auto& id : dataset_ids) plans.push_back(plan_dataset(*catalogue_.dataset(id), catalogue_, pack_, context));

  store::ScanStore store(url_, catalogue_);
  store.lock_datasets(dataset_ids, request.wait_for_lock);
  ScanSummary summary;
  summary.mode = request.mode;
  summary.scan_id = store.begin_scan(request.mode, dataset_ids, pack_, request.now);
  observer.scan_started(summary.scan_id);
  log::info("scan.started", {{"scan", summary.scan_id}, {"mode", incremental ? "incremental" : "full"},
                             {"datasets", static_cast<std::int64_t>(dataset_ids.size())}});
  try {
    store.begin_results();
    std::vector<std::string> row_rules, set_rules, conflict_rules;
    std::vector<std::optional<std::string>> newest(plans.size());
    std::int64_t rows_scanned = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const auto& plan = plans[i];
      const auto& ds = *plan.dataset;
      for (const auto& c : plan.row_checks) add_unique(row_rules, c.rule->id);
      for (const auto* r : plan.set_rules) add_unique(r->kind == "cross_agency_conflict" ? conflict_rules : set_rules, r->id);
      const auto since = incremental ? store.watermark(ds.id) : std::nullopt;
      observer.dataset_started(ds.id, store.estimate_rows(ds));
      std::vector<std::string> columns;
      for (const auto& c : plan.columns) columns.push_back(c.column);
      RowEvaluator evaluator(plan, {context.today, false}, incremental);
      StagingBuffers buffers;
      std::int64_t rows = 0;
      auto read = store.read_rows(ds, columns, since, [&](std::string_view line) {
        evaluator.evaluate(line, buffers);
        if (++rows % kProgressRows == 0) observer.rows_read(ds.id, rows);
        if (buffers.bytes() > kStageBytes) {
          store.stage(buffers.findings, buffers.records, buffers.values);
          buffers.clear();
        }
      });
      store.stage(buffers.findings, buffers.records, buffers.values);
      if (!plan.conflict_slots.empty()) store.refresh_canonical_values(ds.id, since.has_value());
      newest[i] = read.newest_update;
      rows_scanned += rows;
      summary.datasets.push_back({ds.id, rows, read.rows_total, {}});
      observer.dataset_finished(ds.id, rows);
    }
    store.analyze_staging();
    observer.phase("set rules");
    bool conflicts_done = false;
    for (const auto& plan : plans) {
      for (const auto* rule : plan.set_rules) {
        if (rule->kind != "cross_agency_conflict") {
          store.run_set_rule(*rule, plan.dataset, request.now, incremental);
        } else if (!conflicts_done) {
          // Conflicts span datasets: run each conflict rule once for the whole catalogue.
          for (const auto& r : pack_.rules)
            if (r.kind == "cross_agency_conflict") store.run_set_rule(r, nullptr, request.now, incremental);
          conflicts_done = true;
        }
      }
    }
    observer.phase("merging findings");
    auto counts = store.merge_findings(summary.scan_id, request.now, dataset_ids, row_rules, set_rules, conflict_rules,
                                       incremental);
    for (std::size_t i = 0; i < plans.size(); ++i) {
      std::vector<std::string> applied;
      for (const auto& c : plans[i].row_checks) add_unique(applied, c.rule->id);
      for (const auto* r : plans[i].set_rules) add_unique(applied, r->id);
      store.record_quality(summary.scan_id, *plans[i].dataset, applied, summary.datasets[i].rows_total);
      summary.datasets[i].open_by_rule = store.open_findings_by_rule(plans[i].dataset->id);
      if (newest[i]) store.set_watermark(plans[i].dataset->id, *newest[i], summary.scan_id);
    }
    store.succeed(summary.scan_id, request.now, rows_scanned, counts);
    summary.findings_new = counts.inserted;
    summary.findings_seen = counts.seen;
    summary.findings_resolved = counts.resolved;
    summary.findings_reopened = counts.reopened;
  } catch (const std::exception& e) {
    log::error("scan.failed", {{"scan", summary.scan_id}, {"error", e.what()}});
    store.fail(summary.scan_id, request.now, e.what());
    throw;
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  log::info("scan.finished", {{"scan", summary.scan_id}, {"new", summary.findings_new},
                              {"resolved", summary.findings_resolved}, {"seconds", summary.seconds}});
  return summary;
}

}  // namespace jiaohe::engine::scan
