// Scans left "running" by a process that ended: found by their free locks and marked failed,
// while a live scan (which holds its locks) is left alone.
#include <doctest/doctest.h>

#include "engine/scan/scan_launcher.hpp"
#include "engine/store/scan_records.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/table_lock.hpp"

using namespace jiaohe;

TEST_CASE("a scan abandoned by an ended process is marked failed and a live scan is left alone") {
  testing::WorkflowFixture f;
  const auto abandoned = f.sql(
      "INSERT INTO scans (mode, status, started_at, datasets, pack, pack_version, rule_versions) "
      "VALUES ('full', 'running', now(), '{reg}', 'baseline', '2026.1', '{}') RETURNING id");
  engine::scan::ScanLauncher launcher(f.db.url(), engine::scan::ScanAndOpenTasks(f.db.url(), f.catalogue, f.pack, f.setup),
                                      f.clock);
  // A live scan of aid, held in its read by a lock on the table.
  testing::TableLock hold(f.db.url(), "platform.aid");
  const auto live = launcher.start(engine::scan::ScanMode::kFull, {"aid"});

  const auto failed = engine::store::fail_abandoned_scans(f.db.url(), f.clock.now());
  REQUIRE(failed.size() == 1);
  CHECK(std::to_string(failed[0]) == abandoned);
  const auto record = *engine::store::find_scan(f.db.url(), failed[0]);
  CHECK(record.status == "failed");
  CHECK(record.error.find("interrupted") != std::string::npos);
  CHECK(record.finished_at == f.clock.now());
  CHECK(engine::store::find_scan(f.db.url(), live)->status == "running");

  hold.release();
  launcher.wait_idle();
  CHECK(engine::store::find_scan(f.db.url(), live)->status == "succeeded");
  // The check took and gave back the locks: none is left, and a scan of both datasets starts.
  CHECK(f.sql("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
              "WHERE l.locktype = 'advisory' AND d.datname = current_database()") == "0");
  CHECK(engine::store::fail_abandoned_scans(f.db.url(), f.clock.now()).empty());
  CHECK_NOTHROW(launcher.start(engine::scan::ScanMode::kFull, {}));
  launcher.wait_idle();
}
