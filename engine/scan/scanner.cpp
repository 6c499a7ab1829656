#include "engine/scan/scanner.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "engine/log/log.hpp"
#include "engine/log/mask.hpp"
#include "engine/scan/lease_keeper.hpp"
#include "engine/scan/scan_plan.hpp"
#include "engine/scan/unit_worker.hpp"
#include "engine/store/row_source.hpp"
#include "engine/store/scan_results.hpp"
#include "engine/store/scan_store.hpp"
#include "engine/store/set_rules/set_rule.hpp"
#include "engine/store/unit_queue.hpp"
#include "rules/kind_registry.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::engine::scan {
namespace {

// How often a coordinator with nothing to claim looks at its units again (others hold them).
constexpr auto kPollUnits = std::chrono::milliseconds(250);

// Leases are about processes being alive, in real time on every machine: never the injected
// clock of the scan's instant (a test's clock may stand still).
const Clock& lease_clock() {
  static const SystemClock clock;
  return clock;
}

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

// The scan's findings are as of its instant; the scan itself ends when the clock says so.
Instant finished_at(const ScanRequest& request, Instant now) { return request.clock ? request.clock->now() : now; }

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

// The rules a dataset's plan applies, each once.
std::vector<std::string> applied_rules(const DatasetPlan& plan) {
  std::vector<std::string> applied;
  for (const auto& c : plan.row_checks) add_unique(applied, c.rule->id);
  for (const auto& s : plan.row_staleness) add_unique(applied, s.rule->id);
  for (const auto& s : plan.dataset_staleness) add_unique(applied, s.rule->id);
  for (const auto* r : plan.exposure_rules) add_unique(applied, r->id);
  for (const auto* r : plan.set_rules) add_unique(applied, r->id);
  return applied;
}

// Within what the scan checked, which open findings it may resolve, by rule.
store::ScanResults::Resolvable resolvable_of(const std::vector<DatasetPlan>& plans) {
  store::ScanResults::Resolvable resolvable;
  for (const auto& plan : plans) {
    if (!plan.scanned) continue;
    for (const auto& c : plan.row_checks) add_unique(resolvable.records_read, c.rule->id);
    for (const auto& s : plan.row_staleness) add_unique(resolvable.datasets, s.rule->id);
    for (const auto& s : plan.dataset_staleness) add_unique(resolvable.datasets, s.rule->id);
    for (const auto* r : plan.exposure_rules) add_unique(resolvable.datasets, r->id);
    for (const auto* r : plan.set_rules)
      add_unique(rules::kind_of(*r).resolution == rules::Resolution::kSubjects ? resolvable.subjects
                                                                               : resolvable.datasets,
                 r->id);
  }
  return resolvable;
}

// The observer hears of units from several threads: one at a time.
class SerialObserver final : public ScanObserver {
 public:
  explicit SerialObserver(ScanObserver& inner) : inner_(inner) {}
  void dataset_started(const std::string& d, std::int64_t estimate) override {
    serially(&ScanObserver::dataset_started, d, estimate);
  }
  void rows_read(const std::string& d, std::int64_t rows) override { serially(&ScanObserver::rows_read, d, rows); }
  void dataset_storing(const std::string& d) override { serially(&ScanObserver::dataset_storing, d); }
  void dataset_finished(const std::string& d, std::int64_t rows) override {
    serially(&ScanObserver::dataset_finished, d, rows);
  }
  void phase(const std::string& what) override { serially(&ScanObserver::phase, what); }

 private:
  template <typename... Params, typename... Args>
  void serially(void (ScanObserver::*event)(Params...), Args&&... args) {
    std::lock_guard lock(mutex_);
    (inner_.*event)(std::forward<Args>(args)...);
  }

  ScanObserver& inner_;
  std::mutex mutex_;
};

}  // namespace

// What one coordination of a scan works with (a new scan, or one taken over).
struct Scanner::Coordination {
  const ScanRequest& request;
  store::ScanStore& record;
  std::string holder;
  std::int64_t scan_id = 0;
  ScanMode mode = ScanMode::kFull;
  std::vector<std::string> datasets = {};
  Instant now = {};
  bool create_units = true;
};

Scanner::Scanner(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack)
    : url_(std::move(database_url)), catalogue_(catalogue), pack_(pack) {}

ScanSummary Scanner::run(const ScanRequest& request, ScanObserver& observer) {
  const auto dataset_ids = chosen_datasets(request, catalogue_);
  store::ScanStore record(url_);
  record.lock_datasets(dataset_ids, request.wait_for_lock);
  Coordination c{request, record, store::lease_holder_name()};
  c.mode = request.mode;
  c.datasets = dataset_ids;
  c.now = request.now;
  c.scan_id = record.begin_scan(request.mode, dataset_ids, pack_, request.now, request.origin, c.holder,
                                lease_clock().now() + request.lease);
  observer.scan_started(c.scan_id);
  log::info("scan.started", {{"scan", c.scan_id}, {"mode", request.mode == ScanMode::kIncremental ? "incremental" : "full"},
                             {"datasets", static_cast<std::int64_t>(dataset_ids.size())}});
  return coordinate(c, observer);
}

ScanSummary Scanner::resume(std::int64_t scan_id, const ScanRequest& request, ScanObserver& observer) {
  store::ScanStore record(url_);
  Coordination c{request, record, store::lease_holder_name()};
  c.scan_id = scan_id;
  c.create_units = false;
  {
    store::UnitQueue queue(url_);
    if (!queue.adopt_scan(scan_id, c.holder, lease_clock().now(), request.lease))
      throw ScanError("scan " + std::to_string(scan_id) + " has a coordinator (or ended): not taken over");
  }
  const auto running = record.running(scan_id);
  if (!running) throw ScanError("scan " + std::to_string(scan_id) + " ended meanwhile: not taken over");
  c.mode = running->mode;
  c.datasets = running->datasets;
  c.now = running->started_at;
  observer.scan_started(scan_id);
  log::info("scan.taken_over", {{"scan", scan_id}});
  try {
    if (running->pack != pack_.name || running->pack_version != pack_.version)
      throw ScanError("scan " + std::to_string(scan_id) + " applies rule pack " + running->pack + " " +
                      running->pack_version + ", this process has " + pack_.name + " " + pack_.version);
    record.lock_datasets(c.datasets, request.wait_for_lock);
  } catch (const std::exception& e) {
    record.fail(scan_id, finished_at(request, lease_clock().now()), log::mask_identifiers(e.what()), c.holder);
    throw;
  }
  return coordinate(c, observer);
}

ScanSummary Scanner::coordinate(Coordination& c, ScanObserver& observer) {
  const auto started = std::chrono::steady_clock::now();
  const ScanRequest& request = c.request;
  const bool incremental = c.mode == ScanMode::kIncremental;
  ScanSummary summary;
  summary.mode = c.mode;
  summary.scan_id = c.scan_id;
  store::ScanResults results(url_);
  store::UnitQueue queue(url_);
  auto renewals = std::make_shared<store::UnitQueue>(url_);
  const LeaseKeeper lease(
      [renewals, &c] { return renewals->renew_scan(c.scan_id, c.holder, lease_clock().now(), c.request.lease); },
      std::chrono::duration_cast<std::chrono::milliseconds>(request.lease) / 3);
  try {
    std::vector<DatasetPlan> plans;
    ScanOutline outline;
    {
      store::RowSource source(url_);
      plans = plan_scan(c.datasets, catalogue_, pack_, c.now, source);
      for (const auto& plan : plans)
        outline.datasets.emplace_back(plan.dataset->id, source.estimate_rows(*plan.dataset));
    }
    const auto runs = set_rule_runs(plans);
    outline.set_rule_runs = static_cast<int>(runs.size());
    observer.planned(outline);
    if (c.create_units) {
      std::vector<std::string> unit_datasets;
      for (const auto& plan : plans) unit_datasets.push_back(plan.dataset->id);
      queue.create_units(c.scan_id, unit_datasets);
    }

    // The units: this process's workers claim them one by one; whatever others hold, it waits
    // for (a unit whose holder died is claimed again once its lease has run out).
    SerialObserver serial(observer);
    std::mutex mutex;
    std::condition_variable changed;
    std::exception_ptr failure;
    bool done = false;
    const auto work = [&](bool claims) {
      try {
        UnitWorker worker(url_, catalogue_, pack_, lease_clock(), request.lease);
        store::UnitQueue states(url_);
        for (;;) {
          if (lease.lost()) throw ScanError("another process took over this scan (its lease had run out)");
          const auto units = states.units(c.scan_id);
          for (const auto& u : units)
            if (u.status == "failed") throw ScanError(u.error.value_or("unit " + u.dataset_id + " failed"));
          if (std::all_of(units.begin(), units.end(), [](const auto& u) { return u.status == "staged"; })) break;
          if (claims && worker.work_one(c.scan_id, serial) != UnitWorker::Outcome::kNothing) continue;
          std::unique_lock wait(mutex);
          if (changed.wait_for(wait, kPollUnits, [&] { return done; })) return;
        }
      } catch (...) {
        std::lock_guard hold(mutex);
        if (!failure) failure = std::current_exception();
      }
      std::lock_guard hold(mutex);
      done = true;
      changed.notify_all();
    };
    {
      std::vector<std::jthread> helpers;
      for (int i = 1; i < request.workers; ++i) helpers.emplace_back([&] { work(true); });
      work(request.workers > 0);
    }
    if (failure) std::rethrow_exception(failure);

    results.begin();
    const auto units = queue.units(c.scan_id);
    if (units.size() != plans.size()) throw ScanError("the scan's units do not match its plan: scan again");
    std::vector<std::optional<std::string>> newest(plans.size());
    std::int64_t rows_scanned = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const auto& plan = plans[i];
      const auto& unit = units[i];
      const auto& ds = *plan.dataset;
      if (unit.dataset_id != ds.id) throw ScanError("the scan's units do not match its plan: scan again");
      if (results.load_unit(c.scan_id, unit.unit_no) != unit.result.staged_lines)
        throw ScanError("the staged results of dataset " + ds.id +
                        " are incomplete (the database restarted during the scan?): scan again");
      if (unit.result.duplicates) results.assign_identities(ds.id);
      if (!plan.conflict_slots.empty()) {
        if (!incremental && plan.scanned)
          results.replace_canonical_values(ds.id, c.scan_id, unit.unit_no);
        else
          results.refresh_canonical_values(ds.id, incremental);
      }
      newest[i] = unit.result.newest_update;
      if (!plan.scanned) continue;
      rows_scanned += unit.result.rows_checked;
      summary.datasets.push_back({ds.id, unit.result.rows_checked, unit.result.rows_read, {}});
    }
    results.analyze();
    observer.phase(kPhaseSetRules);
    for (const auto& run : runs) {
      observer.set_rule_started(run.rule->id, run.dataset ? run.dataset->id : "");
      run.impl->run({results.session(), catalogue_, *run.rule, run.dataset, incremental});
    }
    observer.phase(kPhaseMerge);
    auto counts = results.merge(c.scan_id, c.now, c.datasets, resolvable_of(plans), incremental);
    std::size_t summary_index = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      if (!plans[i].scanned) continue;
      auto& d = summary.datasets[summary_index++];
      results.record_quality(c.scan_id, *plans[i].dataset, applied_rules(plans[i]), d.rows_total);
      d.open_by_rule = results.open_findings_by_rule(plans[i].dataset->id);
      if (newest[i]) results.set_watermark(plans[i].dataset->id, *newest[i], c.scan_id);
    }
    if (results.finish_units(c.scan_id) != static_cast<std::int64_t>(units.size()))
      throw ScanError("a unit of the scan was merged already: scan again");
    if (!results.succeed(c.scan_id, c.holder, finished_at(request, c.now), rows_scanned, counts))
      throw ScanError("another process took over this scan (its lease had run out)");
    summary.findings_new = counts.inserted;
    summary.findings_seen = counts.seen;
    summary.findings_resolved = counts.resolved;
    summary.findings_reopened = counts.reopened;
  } catch (const std::exception& e) {
    // Database messages quote the values they choke on: nothing leaves unmasked.
    // The caller reports the error, once (the CLI prints it, serve logs it): not here too.
    const std::string error = log::mask_identifiers(e.what());
    results.discard();
    try {
      c.record.fail(c.scan_id, finished_at(request, c.now), error, c.holder);
      queue.drop_ended_lines();
    } catch (...) {
      // The database is gone: the scan's lease runs out and survivors mark it failed.
    }
    throw ScanError(error);
  }
  try {
    queue.drop_ended_lines();
  } catch (const std::exception& e) {
    log::warn("scan.staged_lines_not_dropped", {{"scan", c.scan_id}, {"error", e.what()}});
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  log::info("scan.finished", {{"scan", summary.scan_id}, {"new", summary.findings_new},
                              {"resolved", summary.findings_resolved}, {"seconds", summary.seconds}});
  return summary;
}

}  // namespace jiaohe::engine::scan
