#include "engine/scan/scanner.hpp"

#include <algorithm>

#include "engine/calendar/local_time.hpp"
#include "engine/log/log.hpp"
#include "engine/log/mask.hpp"
#include "engine/scan/catalogue_check.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "engine/scan/progress_lines.hpp"
#include "engine/scan/row_evaluator.hpp"
#include "engine/scan/staging_writer.hpp"
#include "engine/scan/stored_values.hpp"
#include "engine/store/row_source.hpp"
#include "engine/store/scan_results.hpp"
#include "engine/store/scan_store.hpp"
#include "engine/store/set_rules/set_rule.hpp"
#include "rules/kind_registry.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr std::size_t kStageBytes = 8 << 20;  // flush staging buffers to PostgreSQL at this size
constexpr std::int64_t kProgressRows = 65536;

using Pass = RowEvaluator::Pass;
using store::RowFilter;

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

// One read of a dataset: which rows, and what is done with them.
struct Read {
  RowFilter filter;
  Pass pass;
};

// The reads that together cover every row once: the row pass over what changed (an
// incremental scan) or everything, then the comparison keys and staleness of the rest.
std::vector<Read> reads_of(const DatasetPlan& plan, const std::optional<std::string>& since) {
  if (!plan.scanned) return {{RowFilter::kAll, Pass::kKeys}};
  if (!since) return {{RowFilter::kAll, Pass::kRows}};
  return {{RowFilter::kUpdatedAfter, Pass::kRows}, {RowFilter::kNotUpdatedAfter, Pass::kKeys}};
}

// The scan's findings are as of request.now; the scan itself ends when the clock says so.
Instant finished_at(const ScanRequest& request) { return request.clock ? request.clock->now() : request.now; }

// One statement of a set rule: per dataset, or once for the whole catalogue (conflicts span
// datasets), in the order the plans list them.
struct SetRuleRun {
  const rules::RuleDef* rule;
  const catalog::DatasetDef* dataset;  // nullptr: spans datasets
  const store::SetRuleImpl* impl;
};

std::vector<SetRuleRun> set_rule_runs(const std::vector<DatasetPlan>& plans) {
  std::vector<SetRuleRun> runs;
  for (const auto& plan : plans)
    for (const auto* rule : plan.set_rules) {
      const auto* impl = store::set_rule_impl(rules::kind_of(*rule).set_kind);
      if (!impl) continue;
      if (!impl->spans_datasets) {
        runs.push_back({rule, plan.dataset, impl});
      } else if (std::none_of(runs.begin(), runs.end(), [&](const SetRuleRun& r) { return r.rule == rule; })) {
        runs.push_back({rule, nullptr, impl});
      }
    }
  return runs;
}

}  // namespace

Scanner::Scanner(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack)
    : url_(std::move(database_url)), catalogue_(catalogue), pack_(pack) {}

ScanSummary Scanner::run(const ScanRequest& request, ScanObserver& observer) {
  const auto started = std::chrono::steady_clock::now();
  const bool incremental = request.mode == ScanMode::kIncremental;
  const auto dataset_ids = chosen_datasets(request, catalogue_);
  const rules::kinds::RowContext context{calendar::local_date_of(request.now)};
  const auto now = std::chrono::floor<std::chrono::seconds>(request.now);

  store::ScanStore record(url_);
  record.lock_datasets(dataset_ids, request.wait_for_lock);
  ScanSummary summary;
  summary.mode = request.mode;
  summary.scan_id = record.begin_scan(request.mode, dataset_ids, pack_, request.now);
  observer.scan_started(summary.scan_id);
  log::info("scan.started", {{"scan", summary.scan_id}, {"mode", incremental ? "incremental" : "full"},
                             {"datasets", static_cast<std::int64_t>(dataset_ids.size())}});
  store::ScanResults results(url_);
  try {
    store::RowSource source(url_);
    // Every table, column and update-column type is checked before a row is read.
    const auto to_read = datasets_to_read(dataset_ids, catalogue_, pack_);
    const auto forms = check_datasets(catalogue_, to_read, source);
    std::vector<DatasetPlan> plans;
    for (const auto* d : to_read)
      plans.push_back(plan_dataset(*d, catalogue_, pack_, context, forms.at(d->id), now,
                                   std::find(dataset_ids.begin(), dataset_ids.end(), d->id) != dataset_ids.end()));
    for (auto& plan : plans)
      if (!plan.exposure_rules.empty())
        if (const auto table = source.describe(*plan.dataset)) plan_exposure_columns(plan, *table);

    const auto runs = set_rule_runs(plans);
    ScanOutline outline;
    for (const auto& plan : plans) outline.datasets.emplace_back(plan.dataset->id, source.estimate_rows(*plan.dataset));
    outline.set_rule_runs = static_cast<int>(runs.size());
    observer.planned(outline);

    results.begin();
    StagingWriter writer(results);  // ends (in unwinding) before the catch below discards
    store::ScanResults::Resolvable resolvable;
    std::vector<std::optional<std::string>> newest(plans.size());
    std::int64_t rows_scanned = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const auto& plan = plans[i];
      const auto& ds = *plan.dataset;
      if (plan.scanned) {
        for (const auto& c : plan.row_checks) add_unique(resolvable.records_read, c.rule->id);
        for (const auto& s : plan.row_staleness) add_unique(resolvable.datasets, s.rule->id);
        for (const auto& s : plan.dataset_staleness) add_unique(resolvable.datasets, s.rule->id);
        for (const auto* r : plan.exposure_rules) add_unique(resolvable.datasets, r->id);
        for (const auto* r : plan.set_rules)
          add_unique(rules::kind_of(*r).resolution == rules::Resolution::kSubjects ? resolvable.subjects
                                                                                   : resolvable.datasets,
                     r->id);
      }
      const auto since = incremental && plan.scanned ? record.watermark(ds.id) : std::nullopt;
      observer.dataset_started(ds.id, outline.datasets[i].second);
      const std::vector<std::string> columns = plan.read_columns();
      RowEvaluator evaluator(plan, incremental, context.today);
      // A full scan compares the conflict values in memory with what is stored (an
      // incremental one re-reads few records and compares in SQL).
      StoredValues stored;
      const bool compare_stored = !incremental && plan.scanned && !plan.conflict_slots.empty();
      if (compare_stored) {
        results.read_canonical_values(ds.id, [&](std::string_view line) { stored.add(line); });
        stored.sort();
        evaluator.use_stored(&stored);
      }
      StagingBuffers buffers;
      const auto flush = [&] { writer.submit(buffers); };
      const auto reads = reads_of(plan, since);
      bool duplicates = false;
      source.open(ds);
      try {
        for (const auto& read : reads)
          source.read(ds, columns, plan.update.form, read.filter, since, [&](std::string_view line) {
            evaluator.evaluate(line, read.pass, buffers);
            if (evaluator.rows() % kProgressRows == 0) observer.rows_read(ds.id, evaluator.rows());
            if (buffers.bytes() > kStageBytes) flush();
          });
        // Blank or shared record keys: the same reads again, in the same snapshot and order,
        // collect those rows so that each gets an identity of its own.
        duplicates = evaluator.found_duplicate_keys();
        if (duplicates)
          for (const auto& read : reads)
            source.read(ds, columns, plan.update.form, read.filter, since, [&](std::string_view line) {
              evaluator.stage_duplicate(line, buffers);
              if (buffers.bytes() > kStageBytes) flush();
            });
        source.close(ds);
      } catch (...) {
        source.abandon(ds);
        throw;
      }
      evaluator.finish(buffers);
      flush();
      observer.rows_read(ds.id, evaluator.rows());  // the reading's line gives the exact count
      observer.phase(kPhaseStoring);
      writer.drain();
      if (duplicates) results.assign_identities(ds.id);
      if (compare_stored)
        results.replace_canonical_values(ds.id, stored.gone());
      else if (!plan.conflict_slots.empty())
        results.refresh_canonical_values(ds.id, incremental);
      newest[i] = evaluator.newest_update();
      if (!plan.scanned) continue;
      rows_scanned += evaluator.rows_checked();
      summary.datasets.push_back({ds.id, evaluator.rows_checked(), evaluator.rows(), {}});
      observer.dataset_finished(ds.id, evaluator.rows());
    }
    results.analyze();
    observer.phase(kPhaseSetRules);
    for (const auto& run : runs) {
      observer.set_rule_started(run.rule->id, run.dataset ? run.dataset->id : "");
      run.impl->run({results.session(), catalogue_, *run.rule, run.dataset, incremental});
    }
    observer.phase(kPhaseMerge);
    auto counts = results.merge(summary.scan_id, request.now, dataset_ids, resolvable, incremental);
    std::size_t summary_index = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      if (!plans[i].scanned) continue;
      std::vector<std::string> applied;
      for (const auto& c : plans[i].row_checks) add_unique(applied, c.rule->id);
      for (const auto& s : plans[i].row_staleness) add_unique(applied, s.rule->id);
      for (const auto& s : plans[i].dataset_staleness) add_unique(applied, s.rule->id);
      for (const auto* r : plans[i].exposure_rules) add_unique(applied, r->id);
      for (const auto* r : plans[i].set_rules) add_unique(applied, r->id);
      auto& d = summary.datasets[summary_index++];
      results.record_quality(summary.scan_id, *plans[i].dataset, applied, d.rows_total);
      d.open_by_rule = results.open_findings_by_rule(plans[i].dataset->id);
      if (newest[i]) results.set_watermark(plans[i].dataset->id, *newest[i], summary.scan_id);
    }
    results.succeed(summary.scan_id, finished_at(request), rows_scanned, counts);
    summary.findings_new = counts.inserted;
    summary.findings_seen = counts.seen;
    summary.findings_resolved = counts.resolved;
    summary.findings_reopened = counts.reopened;
  } catch (const std::exception& e) {
    // Database messages quote the values they choke on: nothing leaves unmasked.
    // The caller reports the error, once (the CLI prints it, serve logs it): not here too.
    const std::string error = log::mask_identifiers(e.what());
    results.discard();
    record.fail(summary.scan_id, finished_at(request), error);
    throw ScanError(error);
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  log::info("scan.finished", {{"scan", summary.scan_id}, {"new", summary.findings_new},
                              {"resolved", summary.findings_resolved}, {"seconds", summary.seconds}});
  return summary;
}

}  // namespace jiaohe::engine::scan
