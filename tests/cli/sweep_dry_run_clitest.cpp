// `jiaohe sweep --dry-run --at INSTANT`: what the sweep would do then, read from a real database
// that is left exactly as it was.
#include <string>

#include <doctest/doctest.h>

#include "engine/util/process.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

namespace {

struct DryRunFixture : jiaohe::testing::WorkflowFixture {
  // Filed 2026-11-27 08:00 with civ: due 2026-12-05 00:00, reminder 2026-12-04 00:00.
  const std::int64_t task_id = disputes.file(plain_dispute(), clock.now()).task_id;

  // Every row the sweep writes: tasks, their events, the outbox and the fire keys.
  std::string written() {
    return sql(
        "SELECT (SELECT count(*) FROM tasks) || '/' || (SELECT count(*) FROM task_events) || '/' || "
        "(SELECT count(*) FROM outbox) || '/' || (SELECT count(*) FROM task_timer_fires)");
  }
  std::string task_row() {
    return sql("SELECT row_to_json(t)::text FROM tasks t WHERE id = " + std::to_string(task_id));
  }
  jiaohe::engine::util::ProcessResult sweep(std::vector<std::string> args) {
    args.insert(args.begin(), {jiaohe_binary(), "sweep"});
    args.insert(args.end(), {"--database-url", db.url()});
    return run_process(args);
  }
};

}  // namespace

TEST_CASE("sweep --dry-run --at shows a task past its deadline as overdue and writes nothing") {
  DryRunFixture f;
  const auto written = f.written();
  const auto row = f.task_row();
  const auto r = f.sweep({"--dry-run", "--at", "2026-12-10"});
  CHECK(r.exit_code == 0);
  const std::string task = "task " + std::to_string(f.task_id) + "\tciv\t";
  CHECK(r.output.find(task + "reminder\tdue 2026-12-05T00:00:00+08:00\n") != std::string::npos);
  CHECK(r.output.find(task + "overdue\tdue 2026-12-05T00:00:00+08:00\n") != std::string::npos);
  CHECK(r.output.find(task + "rectification_order (rectify)\tdue 2026-12-05T00:00:00+08:00\n") != std::string::npos);
  CHECK(r.output.find("dry run at 2026-12-10T00:00:00+08:00: 1 reminder(s), 1 overdue, 1 rectification order(s) "
                      "would be made; nothing was written") != std::string::npos);
  CHECK(f.written() == written);
  CHECK(f.task_row() == row);
  CHECK(f.sql("SELECT overdue FROM tasks WHERE id = " + std::to_string(f.task_id)) == "f");
}

TEST_CASE("sweep --dry-run takes the instant as typed: the reminder's day shows the reminder alone") {
  DryRunFixture f;
  const std::string task = "task " + std::to_string(f.task_id) + "\tciv\t";
  const auto early = f.sweep({"--dry-run", "--at", "2026-12-03T23:00"});
  CHECK(early.exit_code == 0);
  CHECK(early.output.find("task ") == std::string::npos);
  CHECK(early.output.find(": 0 reminder(s), 0 overdue, 0 rectification order(s)") != std::string::npos);
  const auto reminder = f.sweep({"--dry-run", "--at", "2026-12-04 09:00"});
  CHECK(reminder.output.find(task + "reminder\t") != std::string::npos);
  CHECK(reminder.output.find(task + "overdue\t") == std::string::npos);
  CHECK(reminder.output.find(": 1 reminder(s), 0 overdue, 0 rectification order(s)") != std::string::npos);
}

TEST_CASE("sweep refuses --at without --dry-run, a malformed --at and --recompute with --dry-run, writing nothing") {
  DryRunFixture f;
  const auto written = f.written();
  const auto live = f.sweep({"--at", "2026-12-10"});
  CHECK(live.exit_code == 2);
  CHECK(live.output.find("--at needs --dry-run") != std::string::npos);
  const auto bad = f.sweep({"--dry-run", "--at", "2026-12-32"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("--at: '2026-12-32'") != std::string::npos);
  const auto both = f.sweep({"--dry-run", "--recompute"});
  CHECK(both.exit_code == 2);
  CHECK(f.written() == written);
}
