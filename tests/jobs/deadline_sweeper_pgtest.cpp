// The sweeper: reminders, overdue marks and rectification orders, once each, even with two
// sweepers at once; deadlines recomputed when the calendar changes, on disk too; a profile
// lacking a procedure refused at load.
#include <doctest/doctest.h>

#include <barrier>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/calendar/local_time.hpp"
#include "engine/tasks/deadline_sweep.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/error.hpp"
#include "engine/tasks/workflow_profile.hpp"
#include "jobs/deadline_sweeper.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::calendar::format_instant;

namespace {

struct SweepFixture : testing::WorkflowFixture {
  std::int64_t file_dispute() { return disputes.file(plain_dispute(), clock.now()).task_id; }
  std::string count(const std::string& where) { return sql("SELECT count(*) FROM " + where); }
};

}  // namespace

TEST_CASE("a reminder at the lead time then overdue with one rectify task") {
  SweepFixture f;
  const auto id = f.file_dispute();  // due 2026-12-05 00:00, reminder one working day before
  jobs::DeadlineSweeper sweeper(f.db.url(), f.setup);
  const auto task = f.store.task(id);
  CHECK(format_instant(*task.reminder_at) == "2026-12-04T00:00:00+08:00");
  sweeper.run_once(testing::local_time(2026, 12, 3, 23));
  CHECK(sweeper.last().reminders == 0);
  sweeper.run_once(testing::local_time(2026, 12, 4, 9));
  CHECK(sweeper.last().reminders == 1);
  sweeper.run_once(testing::local_time(2026, 12, 4, 10));
  CHECK(sweeper.last().reminders == 0);
  sweeper.run_once(testing::local_time(2026, 12, 5, 0));
  CHECK(sweeper.last().overdue == 1);
  CHECK(sweeper.last().rectifications == 1);
  sweeper.run_once(testing::local_time(2026, 12, 6, 0));
  CHECK(sweeper.last().overdue == 0);
  CHECK(f.count("tasks WHERE kind = 'rectify' AND parent_task_id = " + std::to_string(id)) == "1");
  CHECK(f.sql("SELECT assignee FROM tasks WHERE kind = 'rectify'") == "civ");
  CHECK(f.count("outbox WHERE kind = 'reminder'") == "1");
  CHECK(f.count("outbox WHERE kind = 'overdue'") == "1");
  CHECK(f.count("outbox WHERE kind = 'rectification_order'") == "1");
  CHECK(f.store.task(id).overdue);
  std::vector<std::string> actions;
  for (const auto& e : f.store.events(id)) actions.push_back(e.action);
  CHECK(actions == std::vector<std::string>{"opened", "flags_set", "reminder", "overdue", "rectification_ordered"});
  // The reminder and the overdue notice carry the deadline and the claim the agency must verify.
  for (const std::string kind : {"reminder", "overdue"}) {
    const auto payload = nlohmann::json::parse(f.sql("SELECT payload::text FROM outbox WHERE kind = '" + kind + "'"));
    CHECK(payload["task"]["due_at"] == "2026-12-05T00:00:00+08:00");
    CHECK(payload["claim"]["description"] == "wrong name");
  }
}

TEST_CASE("an answered task is not marked overdue") {
  SweepFixture f;
  const auto id = f.file_dispute();
  f.disputes.answer(id, "corrected", "done", testing::kCivClerk, f.clock.now());
  jobs::DeadlineSweeper sweeper(f.db.url(), f.setup);
  sweeper.run_once(testing::local_time(2026, 12, 10, 0));
  CHECK(sweeper.last().overdue == 0);
  CHECK(sweeper.last().reminders == 0);
}

TEST_CASE("two sweepers at once fire each reminder and rectification exactly once") {
  SweepFixture f;
  constexpr int kTasks = 30;
  for (int i = 0; i < kTasks; ++i) f.file_dispute();
  for (const auto when : {testing::local_time(2026, 12, 4, 9), testing::local_time(2026, 12, 5, 1)}) {
    jobs::DeadlineSweeper a(f.db.url(), f.setup), b(f.db.url(), f.setup);
    std::barrier start(2);
    std::thread other([&] {
      start.arrive_and_wait();
      b.run_once(when);
    });
    start.arrive_and_wait();
    a.run_once(when);
    other.join();
  }
  CHECK(f.count("outbox WHERE kind = 'reminder'") == std::to_string(kTasks));
  CHECK(f.count("outbox WHERE kind = 'overdue'") == std::to_string(kTasks));
  CHECK(f.count("tasks WHERE kind = 'rectify'") == std::to_string(kTasks));
  CHECK(f.count("task_events WHERE action = 'reminder'") == std::to_string(kTasks));
  CHECK(f.count("task_timer_fires") == std::to_string(3 * kTasks));
}

TEST_CASE("an extension moves the deadline and its reminder fires again for the new version") {
  SweepFixture f;
  const auto id = f.file_dispute();
  jobs::DeadlineSweeper sweeper(f.db.url(), f.setup);
  sweeper.run_once(testing::local_time(2026, 12, 4, 9));
  CHECK(sweeper.last().reminders == 1);
  f.desk.request_extension(id, std::nullopt, "search", testing::kCivClerk, f.clock.now());
  f.desk.decide_extension(id, true, "ok", {"director", engine::tasks::ActorRole::kAgencyHead, "civ"}, f.clock.now());
  sweeper.run_once(testing::local_time(2026, 12, 5, 9));
  CHECK(sweeper.last().overdue == 0);
  sweeper.run_once(testing::local_time(2026, 12, 11, 9));
  CHECK(sweeper.last().reminders == 1);
  CHECK(f.count("outbox WHERE kind = 'reminder'") == "2");
}

TEST_CASE("loading the missing year's calendar recomputes provisional deadlines with an event") {
  SweepFixture f;
  const auto dir = testing::make_temp_dir("calendar-2025");
  for (const char* file : {"2025.json", "fixed-holidays.json"})
    std::filesystem::copy_file(testing::source_dir() + "/data/calendars/" + file, dir + "/" + file);
  const auto partial = engine::calendar::load_calendar(dir);
  engine::tasks::WorkflowSetup old_setup = f.setup;
  old_setup.calendar = &partial;
  engine::disputes::DisputeDesk disputes(f.db.url(), old_setup);
  const auto filed = disputes.file(f.plain_dispute(), testing::local_time(2026, 2, 12, 10));  // before the Spring Festival
  auto task = f.store.task(filed.task_id);
  CHECK(task.provisional);
  CHECK(format_instant(*task.due_at) == "2026-02-20T00:00:00+08:00");  // weekdays only

  engine::tasks::DeadlineSweep deadlines(f.db.url(), f.setup);
  CHECK(deadlines.recompute(testing::local_time(2026, 2, 12, 11)) == 1);
  task = f.store.task(filed.task_id);
  CHECK_FALSE(task.provisional);
  CHECK(format_instant(*task.due_at) == "2026-02-27T00:00:00+08:00");  // the notice's make-up day and holiday
  CHECK(task.deadline_version == 2);
  const auto events = f.store.events(filed.task_id);
  CHECK(events.back().action == "deadline_recomputed");
  CHECK(events.back().after["old_due_at"] == "2026-02-20T00:00:00+08:00");
  CHECK(events.back().after["new_due_at"] == "2026-02-27T00:00:00+08:00");
  CHECK(events.front().after["due_at"] == "2026-02-20T00:00:00+08:00");  // history is not rewritten
  CHECK(deadlines.recompute(testing::local_time(2026, 2, 12, 12)) == 0);
}

namespace {

// The shipped calendars and profile copied to a folder of their own, so a test may change them.
struct CopiedFiles {
  std::string dir = testing::make_temp_dir("workflow-files");
  jobs::WorkflowFiles files{dir + "/calendars", dir + "/profile.json"};
  CopiedFiles() {
    std::filesystem::copy(testing::source_dir() + "/data/calendars", files.calendar_dir);
    std::filesystem::copy_file(testing::source_dir() + "/data/statutes/zhejiang-2022.json", files.profile_file);
  }
  void write(const std::string& path, const std::string& text) const { std::ofstream(path) << text; }
};

}  // namespace

TEST_CASE("a calendar file changed on disk moves open deadlines at the next sweep, with events") {
  SweepFixture f;
  const CopiedFiles copied;
  const auto open_id = f.file_dispute();  // received 2026-11-27 (Fri), due 2026-12-05 00:00
  const auto closed_id = f.file_dispute();
  f.disputes.answer(closed_id, "corrected", "done", testing::kCivClerk, f.clock.now());
  jobs::DeadlineSweeper sweeper(f.db.url(), f.setup, copied.files);
  sweeper.run_once(testing::local_time(2026, 11, 28, 9));
  CHECK(sweeper.last_recomputed() == 0);  // the files are the ones the setup was loaded from
  CHECK(format_instant(*f.store.task(open_id).due_at) == "2026-12-05T00:00:00+08:00");

  // An amending notice makes Wednesday 2026-12-02 a rest day: one working day more to count.
  copied.write(copied.files.calendar_dir + "/2026-amendment.json", R"({
    "title": "a test amendment", "number": "test", "published": "2026-11-28", "years": [2026], "amends": "2026",
    "holidays": [{"name": "test rest day", "rest_days": ["2026-12-02"]}]})");
  sweeper.run_once(testing::local_time(2026, 11, 28, 10));
  CHECK(sweeper.last_recomputed() == 1);
  const auto moved = f.store.task(open_id);
  CHECK(format_instant(*moved.due_at) == "2026-12-08T00:00:00+08:00");
  CHECK(moved.deadline_version == 2);
  const auto events = f.store.events(open_id);
  CHECK(events.back().action == "deadline_recomputed");
  CHECK(events.back().after["old_due_at"] == "2026-12-05T00:00:00+08:00");
  CHECK(events.back().after["new_due_at"] == "2026-12-08T00:00:00+08:00");
  CHECK(f.store.events(closed_id).back().action != "deadline_recomputed");  // closed tasks keep theirs
  // The reminder follows the new deadline: nothing fires on the old one.
  sweeper.run_once(testing::local_time(2026, 12, 4, 9));
  CHECK(sweeper.last().reminders == 0);
  sweeper.run_once(testing::local_time(2026, 12, 5, 12));
  CHECK(sweeper.last_recomputed() == 0);  // unchanged since
  CHECK(sweeper.last().overdue == 0);

  // A broken file is logged and the calendar in use is kept.
  copied.write(copied.files.calendar_dir + "/2026-amendment.json", "{");
  sweeper.run_once(testing::local_time(2026, 12, 5, 13));
  CHECK(sweeper.last_recomputed() == 0);
  CHECK(format_instant(*f.store.task(open_id).due_at) == "2026-12-08T00:00:00+08:00");
}

TEST_CASE("a profile that lacks a procedure the workflow drives is refused at load, naming it") {
  const CopiedFiles copied;
  auto profile = nlohmann::json::parse(std::ifstream(copied.files.profile_file));
  profile["procedures"].erase("review");
  profile["procedures"].erase("rectify");
  // What the workflow reads elsewhere must not point at what was removed.
  for (auto& [name, procedure] : profile["procedures"].items()) procedure.erase("on_overdue");
  copied.write(copied.files.profile_file, profile.dump());
  CHECK_THROWS_WITH_AS(engine::tasks::load_workflow_profile(copied.files.profile_file),
                       doctest::Contains("lacks procedure(s) the workflow drives: review, rectify"), engine::Error);
  CHECK_NOTHROW(engine::tasks::load_workflow_profile(testing::source_dir() + "/data/statutes/zhejiang-2022.json"));
}
