// The unit queue against a real PostgreSQL: units claimed once each, a lease that ran out taken
// over, a holder that lost its lease unable to renew or stage, a unit staged once, scans whose
// coordinator died found, adopted once or failed. Lease times are the test's instants.
#include <doctest/doctest.h>

#include "engine/store/scan_store.hpp"
#include "engine/store/unit_queue.hpp"
#include "engine/store/unit_stage.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::store::UnitQueue;
using engine::store::UnitStage;
using std::chrono::seconds;

namespace {

constexpr seconds kLease{30};

struct QueueFixture : testing::WorkflowFixture {
  UnitQueue queue{db.url()};
  engine::Instant t0 = clock.now();

  // A running scan held by `holder` until t0 + lease, with a unit per dataset.
  std::int64_t scan_with_units(const std::vector<std::string>& datasets, const std::string& holder = "coordinator",
                               engine::scan::ScanOrigin origin = engine::scan::ScanOrigin::kManual) {
    engine::store::ScanStore record(db.url());
    const auto id = record.begin_scan(engine::scan::ScanMode::kFull, datasets, pack, t0, origin, holder, t0 + kLease);
    queue.create_units(id, datasets);
    return id;
  }
  std::optional<engine::store::UnitClaim> claim(const std::string& worker, engine::Instant at) {
    return queue.claim(worker, at, kLease, pack.name, pack.version);
  }
  std::string unit_field(std::int64_t scan, int unit, const std::string& column) {
    return db.query_value("SELECT " + column + " FROM scan_units WHERE scan_id = " + std::to_string(scan) +
                          " AND unit_no = " + std::to_string(unit));
  }
  // Stages one finding of `record` for `unit` as `holder`; whether the commit was accepted.
  bool stage_finding(const engine::store::UnitClaim& unit, const std::string& holder, const std::string& record) {
    UnitStage stage(db.url(), unit, holder);
    stage.stage({finding_line(record), "", "", "", ""});
    return stage.commit({});
  }
  // One finding line of the unit_findings columns, for a unit of dataset reg.
  static std::string finding_line(const std::string& record) {
    return "BL-REQ-001\t1\trequired\tmajor\treg\tcivil\t" + record + "\t\\N\tperson.name\t{}\t1\n";
  }
};

}  // namespace

TEST_CASE("each unit is claimed by one worker, in order, and only for scans of the worker's pack") {
  QueueFixture f;
  const auto scan = f.scan_with_units({"reg", "aid"});
  const auto a = f.claim("w1", f.t0);
  const auto b = f.claim("w2", f.t0);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->scan_id == scan);
  CHECK(a->unit_no == 0);
  CHECK(a->dataset_id == "reg");
  CHECK(b->unit_no == 1);
  CHECK(b->dataset_id == "aid");
  CHECK(a->attempts == 1);
  CHECK(a->scan_datasets == std::vector<std::string>{"reg", "aid"});
  CHECK(a->scan_now == f.t0);
  CHECK_FALSE(f.claim("w3", f.t0 + seconds(1)));
  CHECK(f.unit_field(scan, 0, "holder") == "w1");
  // Another pack's worker sees nothing here, even once the leases ran out.
  CHECK_FALSE(f.queue.claim("w4", f.t0 + seconds(31), kLease, f.pack.name, "other-version"));
  // Only the scan named, when one is.
  CHECK_FALSE(f.queue.claim("w5", f.t0 + seconds(31), kLease, f.pack.name, f.pack.version, scan + 1));
}

TEST_CASE("a unit whose lease ran out is taken over, and its first holder can neither renew nor stage it") {
  QueueFixture f;
  const auto scan = f.scan_with_units({"reg"});
  const auto first = f.claim("w1", f.t0);
  REQUIRE(first);
  // Renewed in time, the lease holds: nobody takes the unit.
  CHECK(f.queue.renew(*first, "w1", f.t0 + seconds(20), kLease, 100));
  CHECK(f.unit_field(scan, 0, "rows_read") == "100");
  CHECK_FALSE(f.claim("w2", f.t0 + seconds(40)));
  // Not renewed for a whole lease: the next claim takes it over.
  const auto second = f.claim("w2", f.t0 + seconds(51));
  REQUIRE(second);
  CHECK(second->unit_no == 0);
  CHECK(second->attempts == 2);
  CHECK_FALSE(f.queue.renew(*first, "w1", f.t0 + seconds(52), kLease, 200));
  CHECK_FALSE(f.stage_finding(*first, "w1", "r1"));
  CHECK(f.db.query_value("SELECT count(*) FROM unit_findings") == "0");
  f.queue.fail(*first, "w1", "too late");  // only the holder may fail it
  CHECK(f.unit_field(scan, 0, "status") == "running");

  UnitStage stage(f.db.url(), *second, "w2");
  stage.stage({f.finding_line("r1") + f.finding_line("r2"), "", "", "", ""});
  stage.stage_gone({"(0,1)"});
  engine::store::UnitResult result;
  result.rows_read = 2;
  result.rows_checked = 2;
  CHECK(stage.commit(result));
  CHECK(f.unit_field(scan, 0, "status") == "staged");
  CHECK(f.unit_field(scan, 0, "staged_lines") == "3");
  CHECK(f.unit_field(scan, 0, "holder") == "w2");
  CHECK(f.db.query_value("SELECT string_agg(record_key, ',' ORDER BY record_key) FROM unit_findings WHERE scan_id = " +
                         std::to_string(scan)) == "r1,r2");
  CHECK_FALSE(f.claim("w3", f.t0 + seconds(500)));  // staged: never claimed again
}

TEST_CASE("a unit is staged once: a second staging by its holder finds it staged and changes nothing") {
  QueueFixture f;
  const auto scan = f.scan_with_units({"reg"});
  const auto unit = f.claim("w1", f.t0);
  REQUIRE(unit);
  CHECK(f.stage_finding(*unit, "w1", "r1"));
  CHECK_FALSE(f.stage_finding(*unit, "w1", "r9"));
  CHECK(f.db.query_value("SELECT count(*) FROM unit_findings WHERE scan_id = " + std::to_string(scan)) == "1");
  CHECK(f.unit_field(scan, 0, "staged_lines") == "1");
}

TEST_CASE("a unit dropped by its worker's death mid-staging leaves nothing and is claimed again") {
  QueueFixture f;
  const auto scan = f.scan_with_units({"reg"});
  const auto unit = f.claim("w1", f.t0);
  REQUIRE(unit);
  {
    UnitStage stage(f.db.url(), *unit, "w1");
    stage.stage({f.finding_line("r1"), "", "", "", ""});
    // Gone without commit: the connection closes and its transaction with it.
  }
  CHECK(f.db.query_value("SELECT count(*) FROM unit_findings") == "0");
  f.queue.release(*unit, "w1");
  const auto again = f.claim("w2", f.t0 + seconds(1));
  REQUIRE(again);
  CHECK(again->attempts == 2);
  CHECK(f.unit_field(scan, 0, "holder") == "w2");
}

TEST_CASE("a scan whose coordinator's lease ran out is found, adopted by one survivor, or failed with its units") {
  QueueFixture f;
  const auto scan = f.scan_with_units({"reg", "aid"}, "gone");
  CHECK(f.queue.orphaned_scans(f.t0 + seconds(10)).empty());
  CHECK(f.queue.renew_scan(scan, "gone", f.t0 + seconds(10), kLease));  // lease now t0 + 40
  CHECK(f.queue.orphaned_scans(f.t0 + seconds(35)).empty());
  const auto orphans = f.queue.orphaned_scans(f.t0 + seconds(41));
  REQUIRE(orphans.size() == 1);
  CHECK(orphans[0].scan_id == scan);
  CHECK(orphans[0].origin == "manual");
  CHECK(orphans[0].holder == "gone");
  CHECK(f.queue.adopt_scan(scan, "s1", f.t0 + seconds(41), kLease));
  CHECK_FALSE(f.queue.adopt_scan(scan, "s2", f.t0 + seconds(42), kLease));
  CHECK_FALSE(f.queue.renew_scan(scan, "gone", f.t0 + seconds(43), kLease));  // the old holder lost it
  CHECK_FALSE(f.queue.fail_orphan(scan, f.t0 + seconds(50), "gone"));          // s1's lease holds
  CHECK(f.db.query_value("SELECT status FROM scans WHERE id = " + std::to_string(scan)) == "running");

  const auto unit = f.claim("w1", f.t0 + seconds(50));
  REQUIRE(unit);
  CHECK(f.queue.fail_orphan(scan, f.t0 + seconds(72), "its coordinator stopped"));
  CHECK(f.db.query_value("SELECT status || ': ' || error FROM scans WHERE id = " + std::to_string(scan)) ==
        "failed: its coordinator stopped");
  CHECK(f.db.query_value("SELECT string_agg(status, ',' ORDER BY unit_no) FROM scan_units WHERE scan_id = " +
                         std::to_string(scan)) == "failed,failed");
  CHECK_FALSE(f.claim("w2", f.t0 + seconds(500)));  // a failed scan's units are nobody's work
  CHECK_FALSE(f.queue.fail_orphan(scan, f.t0 + seconds(80), "again"));
}

TEST_CASE("staged lines go once their scan has ended, and a running scan's stay") {
  QueueFixture f;
  const auto ended = f.scan_with_units({"reg"});
  const auto running = f.scan_with_units({"aid"});
  for (const auto scan : {ended, running}) {
    const auto unit = f.queue.claim("w", f.t0, kLease, f.pack.name, f.pack.version, scan);
    REQUIRE(unit);
    REQUIRE(f.stage_finding(*unit, "w", "r1"));
  }
  f.sql("UPDATE scans SET status = 'failed' WHERE id = " + std::to_string(ended));
  f.queue.drop_ended_lines();
  CHECK(f.db.query_value("SELECT string_agg(scan_id::text, ',') FROM unit_findings") == std::to_string(running));
}
