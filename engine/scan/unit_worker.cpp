#include "engine/scan/unit_worker.hpp"

#include <memory>

#include "engine/calendar/local_time.hpp"
#include "engine/log/log.hpp"
#include "engine/log/mask.hpp"
#include "engine/scan/lease_keeper.hpp"
#include "engine/scan/progress_lines.hpp"
#include "engine/scan/row_evaluator.hpp"
#include "engine/scan/scan_plan.hpp"
#include "engine/scan/staging_writer.hpp"
#include "engine/scan/stored_values.hpp"
#include "engine/store/row_source.hpp"
#include "engine/store/unit_stage.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr std::size_t kStageBytes = 8 << 20;  // flush staging buffers to PostgreSQL at this size
constexpr std::int64_t kProgressRows = 65536;

using Pass = RowEvaluator::Pass;
using store::RowFilter;

// The unit's lease went to another worker: give up without committing.
struct LeaseLost {};

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

// The row pass of one dataset into the unit's staging transaction.
store::UnitResult row_pass(const std::string& url, const DatasetPlan& plan, const store::UnitClaim& unit,
                           store::UnitStage& stage, const LeaseKeeper& lease, ScanObserver& observer) {
  const bool incremental = unit.mode == ScanMode::kIncremental;
  const auto& ds = *plan.dataset;
  store::RowSource source(url);
  const auto since = incremental && plan.scanned ? stage.watermark(ds.id) : std::nullopt;
  observer.dataset_started(ds.id, source.estimate_rows(ds));
  const std::vector<std::string> columns = plan.read_columns();
  RowEvaluator evaluator(plan, incremental, calendar::local_date_of(unit.scan_now));
  // A full scan compares the conflict values in memory with what is stored (an incremental
  // one re-reads few records and compares in SQL at the merge).
  StoredValues stored;
  const bool compare_stored = !incremental && plan.scanned && !plan.conflict_slots.empty();
  if (compare_stored) {
    stage.read_canonical_values(ds.id, [&](std::string_view line) { stored.add(line); });
    stored.sort();
    evaluator.use_stored(&stored);
  }
  bool duplicates = false;
  {
    StagingWriter writer(stage);  // ends (in unwinding) before the stage is rolled back
    StagingBuffers buffers;
    const auto flush = [&] { writer.submit(buffers); };
    const auto reads = reads_of(plan, since);
    source.open(ds);
    try {
      for (const auto& read : reads)
        source.read(ds, columns, plan.update.form, read.filter, since, [&](std::string_view line) {
          evaluator.evaluate(line, read.pass, buffers);
          if (evaluator.rows() % kProgressRows == 0) {
            if (lease.lost()) throw LeaseLost{};
            observer.rows_read(ds.id, evaluator.rows());
          }
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
    observer.dataset_storing(ds.id);
    writer.drain();
  }
  if (compare_stored) stage.stage_gone(stored.gone());
  return {evaluator.rows(), evaluator.rows_checked(), evaluator.newest_update(), duplicates, 0};
}

}  // namespace

UnitWorker::UnitWorker(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack,
                       const Clock& clock, std::chrono::seconds lease, std::string holder)
    : url_(std::move(database_url)),
      catalogue_(catalogue),
      pack_(pack),
      clock_(clock),
      lease_(lease),
      holder_(std::move(holder)),
      queue_(url_) {}

const DatasetPlan& UnitWorker::plan_for(const store::UnitClaim& unit) {
  if (planned_scan_ != unit.scan_id) {
    planned_scan_ = 0;
    store::RowSource source(url_);
    plans_ = plan_scan(unit.scan_datasets, catalogue_, pack_, unit.scan_now, source);
    planned_scan_ = unit.scan_id;
  }
  for (const auto& plan : plans_)
    if (plan.dataset->id == unit.dataset_id) return plan;
  throw ScanError("unit " + std::to_string(unit.unit_no) + " of scan " + std::to_string(unit.scan_id) +
                  " names dataset \"" + unit.dataset_id + "\", which this worker's catalogue does not read");
}

UnitWorker::Outcome UnitWorker::work_one(std::optional<std::int64_t> only_scan, ScanObserver& observer) {
  const auto unit = queue_.claim(holder_, clock_.now(), lease_, pack_.name, pack_.version, only_scan);
  if (!unit) return Outcome::kNothing;
  log::info("unit.claimed", {{"scan", unit->scan_id}, {"unit", unit->unit_no}, {"dataset", unit->dataset_id},
                             {"attempt", unit->attempts}});
  std::atomic<std::int64_t> rows{0};
  auto renewals = std::make_shared<store::UnitQueue>(url_);
  const LeaseKeeper lease(
      [&, renewals] { return renewals->renew(*unit, holder_, clock_.now(), lease_, rows.load()); },
      std::chrono::duration_cast<std::chrono::milliseconds>(lease_) / 3);
  // The rows read so far go to the unit's row with each renewal (progress seen by others).
  struct Counting final : ScanObserver {
    Counting(ScanObserver& inner, std::atomic<std::int64_t>& rows) : inner_(inner), rows_(rows) {}
    void dataset_started(const std::string& d, std::int64_t estimate) override { inner_.dataset_started(d, estimate); }
    void rows_read(const std::string& d, std::int64_t n) override {
      rows_ = n;
      inner_.rows_read(d, n);
    }
    void dataset_storing(const std::string& d) override { inner_.dataset_storing(d); }
    void phase(const std::string& what) override { inner_.phase(what); }
    ScanObserver& inner_;
    std::atomic<std::int64_t>& rows_;
  } counting(observer, rows);
  try {
    const auto& plan = plan_for(*unit);
    store::UnitStage stage(url_, *unit, holder_);
    const auto result = row_pass(url_, plan, *unit, stage, lease, counting);
    if (lease.lost() || !stage.commit(result)) throw LeaseLost{};
    if (plan.scanned) observer.dataset_finished(unit->dataset_id, result.rows_read);
    log::info("unit.staged", {{"scan", unit->scan_id}, {"unit", unit->unit_no}, {"rows", result.rows_read}});
    return Outcome::kStaged;
  } catch (const LeaseLost&) {
    log::warn("unit.lease_lost", {{"scan", unit->scan_id}, {"unit", unit->unit_no}});
    return Outcome::kLost;
  } catch (const std::exception& e) {
    // Database messages quote the values they choke on: nothing leaves unmasked.
    const std::string error = log::mask_identifiers(e.what());
    queue_.fail(*unit, holder_, error);
    log::warn("unit.failed", {{"scan", unit->scan_id}, {"unit", unit->unit_no}, {"error", error}});
    return Outcome::kFailed;
  }
}

}  // namespace jiaohe::engine::scan
