// Findings become verify_finding tasks after a scan, and the next scan closes the loop.
#include <doctest/doctest.h>

#include "engine/calendar/local_time.hpp"
#include "engine/error.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::tasks::FindingAnswer;
using engine::tasks::TaskStatus;

TEST_CASE("a scan opens one task per agency dataset and rule with the rule's deadline") {
  testing::WorkflowFixture f;
  const auto opened = f.scan_and_open();
  CHECK(opened.size() == 2);
  CHECK(f.sql("SELECT string_agg(assignee || '/' || dataset_id || '/' || rule_id, ',' ORDER BY rule_id) FROM tasks") ==
        "civ/aid/BL-CONF-001,pol/reg/BL-REQ-001");
  const auto task = f.store.task(f.task_of_rule("BL-REQ-001"));
  CHECK(task.status == TaskStatus::kOpen);
  CHECK(task.step == "verify_finding (Art. 19 ¶3)");
  // Received Friday 2026-11-27: 10 working days end on Friday 2026-12-11 at 24:00.
  CHECK(engine::calendar::format_instant(*task.due_at) == "2026-12-12T00:00:00+08:00");
  CHECK(task.basis.limit.amount == 10);
  CHECK(task.basis.profile_id == "zhejiang-2022");
  CHECK(f.store.finding_ids(task.id).size() == 1);
  CHECK(f.sql("SELECT count(*) FROM outbox WHERE kind = 'task_opened'") == "2");
  // Running it again opens nothing new.
  CHECK(f.loop.open_finding_tasks(1, f.clock.now()).empty());
}

TEST_CASE("a cross-agency conflict goes to the non-authoritative supplier and flags the record") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto flags = f.store.flags_for_subject(f.person);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].dataset_id == "aid");
  CHECK(flags[0].attribute == "person.name");
  CHECK(f.store.flags_for_record("aid", "a1").size() == 1);
  CHECK(f.store.task(flags[0].task_id).assignee == "civ");
}

TEST_CASE("a correction is verified by the next scan and the task closes") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-REQ-001");
  CHECK(f.loop.answer_findings(id, FindingAnswer::kCorrected, "", testing::kRegClerk, f.clock.now()).status ==
        TaskStatus::kAnswered);
  f.sql("UPDATE platform.reg SET name = '王五' WHERE rid = 'r2'");
  f.clock.advance(std::chrono::hours(24));
  f.scan_and_open();
  const auto task = f.store.task(id);
  CHECK(task.status == TaskStatus::kClosed);
  CHECK(task.resolution == "corrected");
  CHECK(f.sql("SELECT outcome FROM task_findings WHERE task_id = " + std::to_string(id)) == "verified");
  std::vector<std::string> actions;
  for (const auto& e : f.store.events(id)) actions.push_back(e.action);
  CHECK(actions == std::vector<std::string>{"opened", "flags_set", "answer", "verify", "close", "flags_cleared"});
  CHECK(f.store.flags_for_record("reg", "r2").empty());
}

TEST_CASE("a correction that did not take reopens the task flagged correction not effective") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-REQ-001");
  f.loop.answer_findings(id, FindingAnswer::kCorrected, "", testing::kRegClerk, f.clock.now());
  f.clock.advance(std::chrono::hours(24));
  CHECK(f.scan_and_open().empty());  // the finding stays with its task
  const auto task = f.store.task(id);
  CHECK(task.status == TaskStatus::kReopened);
  CHECK(task.has_flag("correction_not_effective"));
  CHECK(f.sql("SELECT outcome FROM task_findings WHERE task_id = " + std::to_string(id)) == "not_effective");
  CHECK(f.loop.answer_findings(id, FindingAnswer::kCorrected, "", testing::kRegClerk, f.clock.now()).status ==
        TaskStatus::kAnswered);
}

TEST_CASE("a finding confirmed accurate stays accepted until its value changes") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-CONF-001");
  CHECK_THROWS_AS(f.loop.answer_findings(id, FindingAnswer::kConfirmedAccurate, "", testing::kCivClerk, f.clock.now()),
                  engine::Error);
  const auto task =
      f.loop.answer_findings(id, FindingAnswer::kConfirmedAccurate, "name changed by court order", testing::kCivClerk,
                              f.clock.now());
  CHECK(task.status == TaskStatus::kClosed);
  CHECK(f.sql("SELECT status FROM findings WHERE rule_id = 'BL-CONF-001'") == "accepted");
  f.clock.advance(std::chrono::hours(24));
  CHECK(f.scan_and_open().empty());
  CHECK(f.sql("SELECT status FROM findings WHERE rule_id = 'BL-CONF-001'") == "accepted");
  f.sql("UPDATE platform.aid SET xm = '张叄' WHERE rid = 'a1'");
  f.clock.advance(std::chrono::hours(24));
  const auto reopened = f.scan_and_open();
  REQUIRE(reopened.size() == 1);
  CHECK(f.store.task(reopened[0]).rule_id == "BL-CONF-001");
}

TEST_CASE("a rejected finding task closes with its reason") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-REQ-001");
  const auto task = f.loop.answer_findings(id, FindingAnswer::kRejected, "the name is not collected for this record",
                                            testing::kRegClerk, f.clock.now());
  CHECK(task.status == TaskStatus::kClosed);
  CHECK(task.resolution_reason == "the name is not collected for this record");
  f.clock.advance(std::chrono::hours(24));
  CHECK(f.scan_and_open().empty());
}

TEST_CASE("findings that disappear without an answer close as resolved at source") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-REQ-001");
  f.sql("UPDATE platform.reg SET name = '王五' WHERE rid = 'r2'");
  f.clock.advance(std::chrono::hours(24));
  f.scan_and_open();
  const auto task = f.store.task(id);
  CHECK(task.status == TaskStatus::kClosed);
  CHECK(task.resolution == "resolved_at_source");
}

TEST_CASE("answering a closed task and answering for another agency are refused") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-REQ-001");
  CHECK_THROWS_WITH_AS(f.loop.answer_findings(id, FindingAnswer::kCorrected, "", testing::kCivClerk, f.clock.now()),
                       doctest::Contains("assignee (pol)"), engine::Error);
  f.loop.answer_findings(id, FindingAnswer::kRejected, "not ours", testing::kRegClerk, f.clock.now());
  CHECK_THROWS_WITH_AS(f.loop.answer_findings(id, FindingAnswer::kCorrected, "", testing::kRegClerk, f.clock.now()),
                       "cannot answer a verify_finding task: it is closed", engine::Error);
}

TEST_CASE("task events are append-only") {
  testing::WorkflowFixture f;
  f.scan_and_open();
  CHECK_THROWS(f.sql("UPDATE task_events SET reason = 'x'"));
  CHECK_THROWS(f.sql("DELETE FROM task_events"));
  CHECK(f.sql("SELECT count(*) FROM task_events") == "4");  // each of the two tasks: opened, flags_set
}
