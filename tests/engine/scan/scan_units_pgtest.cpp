// A scan's units shared by workers: several in one process, or elsewhere; a scan whose
// coordinator died finished by a survivor (scheduled) or failed (manual). The findings are the
// same, fingerprint by fingerprint, as those of a scan by one worker.
#include <doctest/doctest.h>

#include <thread>

#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/scan/unit_worker.hpp"
#include "engine/store/scan_store.hpp"
#include "engine/store/unit_queue.hpp"
#include "jobs/scan_takeover.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::scan::ScanOrigin;

namespace {

struct UnitsFixture : testing::WorkflowFixture {
  engine::SystemClock real;

  engine::scan::ScanSummary scan_with(int workers) {
    engine::scan::ScanRequest request;
    request.now = clock.now();
    request.workers = workers;
    return engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet);
  }
  // Every open finding as fingerprint and evidence, in order.
  std::string open_findings() {
    return sql("SELECT string_agg(fingerprint || ' ' || evidence::text, E'\\n' ORDER BY fingerprint) FROM findings "
               "WHERE status = 'open'");
  }
  std::string units_of(std::int64_t scan, const std::string& what) {
    return sql("SELECT string_agg(" + what + ", ',' ORDER BY unit_no) FROM scan_units WHERE scan_id = " +
               std::to_string(scan));
  }
  // A scan recorded as its coordinator leaves it when it dies: running, its lease run out,
  // its units created.
  std::int64_t dead_coordinator_scan(ScanOrigin origin) {
    engine::store::ScanStore record(db.url());
    const std::vector<std::string> datasets = {"reg", "aid"};
    const auto id = record.begin_scan(engine::scan::ScanMode::kFull, datasets, pack, clock.now(), origin, "dead:1",
                                      real.now() - std::chrono::minutes(1));
    engine::store::UnitQueue(db.url()).create_units(id, datasets);
    return id;
  }
};

}  // namespace

TEST_CASE("two workers in the scan's process find what one finds, and every unit is merged once") {
  UnitsFixture f;
  const auto two = f.scan_with(2);
  REQUIRE(two.findings_new > 0);
  const auto found = f.open_findings();
  CHECK(f.units_of(two.scan_id, "status") == "merged,merged");
  CHECK(f.units_of(two.scan_id, "attempts::text") == "1,1");
  CHECK(f.sql("SELECT (SELECT count(*) FROM unit_findings) + (SELECT count(*) FROM unit_values) + "
              "(SELECT count(*) FROM unit_keys) + (SELECT count(*) FROM unit_records)") == "0");

  const auto one = f.scan_with(1);
  CHECK(one.findings_new == 0);
  CHECK(one.findings_resolved == 0);
  CHECK(one.findings_seen == two.findings_new);
  CHECK(f.open_findings() == found);
}

TEST_CASE("a scan with no worker of its own is done by a worker elsewhere and merged by its coordinator") {
  UnitsFixture f;
  engine::scan::ScanSummary summary;
  std::thread coordinator([&] { summary = f.scan_with(0); });
  engine::scan::UnitWorker worker(f.db.url(), f.catalogue, f.pack, f.real);
  engine::scan::ScanObserver quiet;
  int staged = 0;
  // Until both units are staged (the coordinator may not have created them yet).
  while (staged < 2)
    if (worker.work_one(std::nullopt, quiet) == engine::scan::UnitWorker::Outcome::kStaged) ++staged;
  coordinator.join();
  CHECK(f.units_of(summary.scan_id, "status") == "merged,merged");
  CHECK(f.units_of(summary.scan_id, "holder") == worker.holder() + "," + worker.holder());
  const auto found = f.open_findings();
  CHECK(summary.findings_new > 0);
  CHECK(f.scan_with(1).findings_new == 0);
  CHECK(f.open_findings() == found);
}

TEST_CASE("a scheduled scan whose coordinator died is finished by a survivor, its done units kept, its slot succeeded") {
  UnitsFixture f;
  const auto scan = f.dead_coordinator_scan(ScanOrigin::kSchedule);
  f.sql("INSERT INTO scheduled_scan_runs (slot, mode, status, runner, started_at, scan_id) "
        "VALUES ('2026-11-27T02:00:00+08:00', 'full', 'running', 'dead:1', now(), " + std::to_string(scan) + ")");
  // The dead coordinator's worker had staged the first unit.
  engine::scan::UnitWorker worker(f.db.url(), f.catalogue, f.pack, f.real);
  engine::scan::ScanObserver quiet;
  REQUIRE(worker.work_one(scan, quiet) == engine::scan::UnitWorker::Outcome::kStaged);

  jobs::ScanTakeover survivor(f.db.url(), engine::scan::ScanAndOpenTasks(f.db.url(), f.catalogue, f.pack, f.setup),
                              f.clock);
  survivor.run_once(f.clock.now());
  CHECK(survivor.taken_over() == 1);
  CHECK(f.sql("SELECT status FROM scans WHERE id = " + std::to_string(scan)) == "succeeded");
  CHECK(f.units_of(scan, "status") == "merged,merged");
  CHECK(f.units_of(scan, "attempts::text") == "1,1");  // the staged unit was not done again
  CHECK(f.sql("SELECT status FROM scheduled_scan_runs") == "succeeded");
  CHECK(f.sql("SELECT tasks_opened > 0 FROM scheduled_scan_runs") == "t");
  CHECK(f.sql("SELECT progress_phase FROM scans WHERE id = " + std::to_string(scan)) == "opening tasks");
  const auto found = f.open_findings();
  CHECK(f.scan_with(1).findings_new == 0);
  CHECK(f.open_findings() == found);
  survivor.run_once(f.clock.now());  // nothing is left to take over
  CHECK(survivor.taken_over() == 0);
}

TEST_CASE("a manual scan whose coordinator died is marked failed by a survivor and nothing of it is merged") {
  UnitsFixture f;
  const auto scan = f.dead_coordinator_scan(ScanOrigin::kManual);
  jobs::ScanTakeover survivor(f.db.url(), engine::scan::ScanAndOpenTasks(f.db.url(), f.catalogue, f.pack, f.setup),
                              f.clock);
  survivor.run_once(f.clock.now());
  CHECK(survivor.failed() == 1);
  CHECK(f.sql("SELECT status FROM scans WHERE id = " + std::to_string(scan)) == "failed");
  CHECK(f.sql("SELECT error FROM scans WHERE id = " + std::to_string(scan)).find("coordinating this scan stopped") !=
        std::string::npos);
  CHECK(f.units_of(scan, "status") == "failed,failed");
  CHECK(f.sql("SELECT count(*) FROM findings") == "0");
}

TEST_CASE("an incremental scan after changes finds what a full scan of the same data finds") {
  UnitsFixture f;
  f.scan_with(1);
  // Changes after the watermark: a conflict fixed, a new conflict, a missing name, a new row.
  f.sql("UPDATE platform.aid SET xm = '张三', updated_at = '2026-11-27 00:00:00+00' WHERE rid = 'a1'");
  f.sql("UPDATE platform.reg SET name = '李四', updated_at = '2026-11-27 00:00:00+00' WHERE rid = 'r2'");
  f.sql("INSERT INTO platform.aid VALUES ('a2', '" + f.other + "', '王五', '女', '1970-01-01', NULL, "
        "'2026-11-27 00:00:00+00')");
  f.sql("INSERT INTO platform.reg VALUES ('r3', NULL, NULL, '1', '1980-01-01', '2026-11-27 00:00:00+00')");
  engine::scan::ScanRequest request;
  request.now = f.clock.now();
  request.mode = engine::scan::ScanMode::kIncremental;
  const auto incremental = engine::scan::Scanner(f.db.url(), f.catalogue, f.pack).run(request, f.quiet);
  CHECK(incremental.findings_new > 0);
  CHECK(incremental.findings_resolved > 0);
  const auto found = f.open_findings();
  const auto full = f.scan_with(1);
  CHECK(full.findings_new == 0);
  CHECK(full.findings_resolved == 0);
  CHECK(f.open_findings() == found);
}
