// The scheduled scan: once per cron slot across processes, a missed slot once at start-up,
// nothing before the first slot, full on the configured weekday, and the jobs serve starts.
#include <doctest/doctest.h>

#include <barrier>
#include <thread>

#include "engine/calendar/local_time.hpp"
#include "jobs/scan_schedule.hpp"
#include "jobs/serve_jobs.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::calendar::CronExpression;
using engine::scan::ScanMode;
using std::chrono::minutes;
using What = jobs::ScheduleDecision::What;

namespace {

// 2026-11-27, the fixture's start, is a Friday; the default slots are 02:00 every day.
struct ScheduleFixture : testing::WorkflowFixture {
  std::unique_ptr<jobs::ScanSchedule> schedule(const std::string& runner) {
    return std::make_unique<jobs::ScanSchedule>(
        db.url(), engine::scan::ScanAndOpenTasks(db.url(), catalogue, pack, setup),
        jobs::ScanScheduleOptions{CronExpression::parse("0 2 * * *"), std::chrono::Sunday, runner}, clock);
  }
  // A schedule's first check (when its process starts) at `when`.
  std::unique_ptr<jobs::ScanSchedule> started(const std::string& runner, engine::Instant when) {
    auto s = schedule(runner);
    s->run_once(when);
    return s;
  }
  std::string count(const std::string& where) { return sql("SELECT count(*) FROM " + where); }
  std::string run_of(engine::Instant slot, const std::string& column) {
    return sql("SELECT " + column + " FROM scheduled_scan_runs WHERE slot = '" +
               engine::calendar::format_instant(slot) + "'");
  }
};

const auto kFridayMorning = testing::local_time(2026, 11, 27, 8);
const auto kSaturdaySlot = testing::local_time(2026, 11, 28, 2);
const auto kSundaySlot = testing::local_time(2026, 11, 29, 2);
const auto kMondaySlot = testing::local_time(2026, 11, 30, 2);

}  // namespace

TEST_CASE("two schedulers at the same slot run exactly one scan") {
  ScheduleFixture f;
  auto a = f.started("a", kFridayMorning);
  auto b = f.started("b", kFridayMorning);
  CHECK(a->last().what == What::kNothingDue);
  const auto due = kSaturdaySlot + std::chrono::seconds(5);
  std::barrier start(2);
  std::thread other([&] {
    start.arrive_and_wait();
    b->run_once(due);
  });
  start.arrive_and_wait();
  a->run_once(due);
  other.join();

  const int ran = (a->last().what == What::kRan) + (b->last().what == What::kRan);
  CHECK(ran == 1);
  const auto& loser = a->last().what == What::kRan ? b->last() : a->last();
  CHECK((loser.what == What::kOtherLeader || loser.what == What::kAlreadyRun));
  CHECK(f.count("scans") == "1");
  CHECK(f.count("scheduled_scan_runs") == "1");
  CHECK(f.run_of(kSaturdaySlot, "status") == "succeeded");
  CHECK(f.run_of(kSaturdaySlot, "runner") == (a->last().what == What::kRan ? "a" : "b"));

  // Later checks within the same period find the slot done.
  a->run_once(due + minutes(1));
  b->run_once(due + minutes(1));
  CHECK(a->last().what == What::kAlreadyRun);
  CHECK(b->last().what == What::kAlreadyRun);
  CHECK(f.count("scans") == "1");
}

TEST_CASE("the scheduled scan opens finding tasks as jiaohe scan does") {
  ScheduleFixture f;
  auto s = f.started("a", kFridayMorning);
  s->run_once(kSaturdaySlot);
  REQUIRE(s->last().what == What::kRan);
  const auto& outcome = s->last().outcome;
  CHECK_FALSE(outcome.opened_tasks.empty());
  const auto scan_id = std::to_string(outcome.summary.scan_id);
  CHECK(f.run_of(kSaturdaySlot, "scan_id") == scan_id);
  CHECK(f.run_of(kSaturdaySlot, "tasks_opened") == std::to_string(outcome.opened_tasks.size()));
  CHECK(f.count("tasks WHERE kind = 'verify_finding' AND scan_id = " + scan_id) ==
        std::to_string(outcome.opened_tasks.size()));
}

TEST_CASE("a slot missed while every process was down runs once at start-up") {
  ScheduleFixture f;
  auto before = f.started("a", kFridayMorning);
  before->run_once(kSaturdaySlot + minutes(1));
  REQUIRE(before->last().what == What::kRan);
  before.reset();  // every serve process stops; Sunday's and Monday's slots pass

  const auto monday_morning = testing::local_time(2026, 11, 30, 9);
  auto after = f.started("c", monday_morning);
  CHECK(after->last().what == What::kRan);
  REQUIRE(after->last().slot);
  CHECK(*after->last().slot == kMondaySlot);  // only the latest slot, not a backlog
  after->run_once(monday_morning + minutes(1));
  CHECK(after->last().what == What::kAlreadyRun);
  auto another = f.started("d", monday_morning + minutes(2));
  CHECK(another->last().what == What::kAlreadyRun);
  CHECK(f.count("scans") == "2");
  CHECK(f.count("scheduled_scan_runs") == "2");
  CHECK(f.count("scheduled_scan_runs WHERE slot = '2026-11-29T02:00:00+08:00'") == "0");
}

TEST_CASE("a fresh database waits for the first slot after start-up") {
  ScheduleFixture f;
  auto s = f.started("a", kFridayMorning);  // Friday 02:00 passed before the schedule began
  CHECK(s->last().what == What::kNothingDue);
  s->run_once(kSaturdaySlot - minutes(1));
  CHECK(s->last().what == What::kNothingDue);
  CHECK(f.count("scans") == "0");
  CHECK(f.count("scheduled_scan_runs") == "0");
  s->run_once(kSaturdaySlot);
  CHECK(s->last().what == What::kRan);
  s->run_once(kSundaySlot - minutes(1));  // not yet due: Saturday's slot is done
  CHECK(s->last().what == What::kAlreadyRun);
  CHECK(f.count("scans") == "1");
}

TEST_CASE("full on the first run and the configured weekday and incremental otherwise") {
  ScheduleFixture f;
  auto s = f.started("a", kFridayMorning);
  const std::vector<std::pair<engine::Instant, ScanMode>> expected = {
      {kSaturdaySlot, ScanMode::kFull},  // no full scan has succeeded yet
      {kSundaySlot, ScanMode::kFull},    // the weekly full scan
      {kMondaySlot, ScanMode::kIncremental},
      {kMondaySlot + std::chrono::days(1), ScanMode::kIncremental}};
  for (const auto& [slot, mode] : expected) {
    s->run_once(slot);
    REQUIRE(s->last().what == What::kRan);
    CHECK(s->last().mode == mode);
    CHECK(s->last().outcome.summary.mode == mode);
    CHECK(f.run_of(slot, "mode") == (mode == ScanMode::kFull ? "full" : "incremental"));
  }
  CHECK(f.count("scans WHERE mode = 'full'") == "2");
  CHECK(f.count("scans WHERE mode = 'incremental'") == "2");
}

TEST_CASE("a failed scheduled scan is recorded and not retried in the same slot") {
  ScheduleFixture f;
  auto s = f.started("a", kFridayMorning);
  f.sql("DROP TABLE platform.aid");
  s->run_once(kSaturdaySlot);
  CHECK(s->last().what == What::kFailed);
  CHECK(f.run_of(kSaturdaySlot, "status") == "failed");
  CHECK(f.run_of(kSaturdaySlot, "error").find("aid") != std::string::npos);
  CHECK(f.count("tasks") == "0");
  s->run_once(kSaturdaySlot + minutes(1));
  CHECK(s->last().what == What::kAlreadyRun);
  CHECK(f.count("scheduled_scan_runs") == "1");
}

TEST_CASE("a run left running by a process that died is marked failed by the next leader") {
  ScheduleFixture f;
  f.sql("INSERT INTO scheduled_scan_runs (slot, mode, status, runner, started_at) "
        "VALUES ('2026-11-28T02:00:00+08:00', 'full', 'running', 'gone:1', '2026-11-28T02:00:01+08:00')");
  auto s = f.started("a", kSundaySlot + minutes(1));
  CHECK(s->last().what == What::kRan);
  CHECK(f.run_of(kSaturdaySlot, "status") == "failed");
  CHECK(f.run_of(kSaturdaySlot, "error").find("stopped before its scan started") != std::string::npos);
  CHECK(f.run_of(kSundaySlot, "status") == "succeeded");
}

TEST_CASE("serve starts the jobs its configuration switches on, and always the scan takeover") {
  ScheduleFixture f;
  const engine::scan::ScanAndOpenTasks scan(f.db.url(), f.catalogue, f.pack, f.setup);
  engine::Config config;
  using Names = std::vector<std::string>;
  CHECK(jobs::ServeJobs(config, f.db.url(), scan, f.setup, f.clock).names() ==
        Names{"scheduled_scan", "scan_takeover", "deadline_sweep"});
  config.notify_webhooks = {{"civ", "http://127.0.0.1:9/hook"}};
  CHECK(jobs::ServeJobs(config, f.db.url(), scan, f.setup, f.clock).names() ==
        Names{"scheduled_scan", "scan_takeover", "deadline_sweep", "outbox_delivery"});
  config.scan_schedule_enabled = false;
  CHECK(jobs::ServeJobs(config, f.db.url(), scan, f.setup, f.clock).names() ==
        Names{"scan_takeover", "deadline_sweep", "outbox_delivery"});
  config.sweeper_enabled = false;
  config.delivery_enabled = false;
  CHECK(jobs::ServeJobs(config, f.db.url(), scan, f.setup, f.clock).names() == Names{"scan_takeover"});
}
