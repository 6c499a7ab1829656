// Supervision statistics per agency: received, on time, overdue, extended, working days to answer;
// corrections found again, corrections not effective, rectification orders open and overdue.
#include <doctest/doctest.h>

#include "engine/tasks/deadline_sweep.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/task_statistics.hpp"
#include "engine/tasks/finding_loop.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;

TEST_CASE("statistics count received on-time overdue and extended tasks per agency") {
  testing::WorkflowFixture f;
  auto& disputes = f.disputes;
  const auto r = f.plain_dispute();
  const auto on_time = disputes.file(r, f.clock.now()).task_id;
  const auto extended = disputes.file(r, f.clock.now()).task_id;
  disputes.file(r, f.clock.now());  // left to go overdue
  f.desk.request_extension(extended, std::nullopt, "search", testing::kCivClerk, f.clock.now());
  f.desk.decide_extension(extended, true, "ok", {"director", engine::tasks::ActorRole::kAgencyHead, "civ"},
                           f.clock.now());
  disputes.answer(on_time, "corrected", "", testing::kCivClerk, testing::local_time(2026, 12, 2, 10));  // 3rd working day
  engine::tasks::DeadlineSweep(f.db.url(), f.setup).sweep(testing::local_time(2026, 12, 5, 1));
  const auto stats = engine::store::task_statistics(f.db.url(), f.calendar, testing::local_time(2026, 11, 1, 0),
                                                    testing::local_time(2026, 12, 1, 0), f.clock.now());
  REQUIRE(stats.size() == 1);
  CHECK(stats[0].agency == "civ");
  CHECK(stats[0].received == 3);
  CHECK(stats[0].answered == 1);
  CHECK(stats[0].answered_on_time == 1);
  CHECK(stats[0].overdue == 1);
  CHECK(stats[0].extended == 1);
  CHECK(stats[0].average_working_days_to_answer == doctest::Approx(3.0));
}

namespace {

const engine::store::AgencyStatistics* row_of(const std::vector<engine::store::AgencyStatistics>& stats,
                                              const std::string& agency) {
  for (const auto& s : stats)
    if (s.agency == agency) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("corrections found again and not effective per agency, and rectification orders open and overdue") {
  using engine::tasks::FindingAnswer;
  testing::WorkflowFixture f;
  const auto hour = std::chrono::hours(1);
  f.scan_and_open();  // 08:00: reg r2 lacks a name (pol), aid a1 conflicts with the registry (civ)
  const auto missing = f.task_of_rule("BL-REQ-001");
  const auto conflict = f.task_of_rule("BL-CONF-001");
  CHECK(f.store.task(missing).assignee == "pol");
  CHECK(f.store.task(conflict).assignee == "civ");
  f.loop.answer_findings(missing, FindingAnswer::kCorrected, "", testing::kRegClerk, f.clock.now());  // not done
  f.loop.answer_findings(conflict, FindingAnswer::kCorrected, "", testing::kCivClerk, f.clock.now());
  f.sql("UPDATE platform.aid SET xm = '张三' WHERE rid = 'a1'");
  f.clock.advance(hour);
  f.scan_and_open();  // 09:00: pol's finding seen again (reopened, not effective); civ's verified
  CHECK(f.store.task(missing).status == engine::tasks::TaskStatus::kReopened);
  CHECK(f.store.task(conflict).status == engine::tasks::TaskStatus::kClosed);
  f.loop.answer_findings(missing, FindingAnswer::kCorrected, "", testing::kRegClerk, f.clock.now());
  f.sql("UPDATE platform.reg SET name = '王五' WHERE rid = 'r2'");
  f.clock.advance(hour);
  f.scan_and_open();  // 10:00: pol's second correction verified
  CHECK(f.store.task(missing).status == engine::tasks::TaskStatus::kClosed);
  f.sql("UPDATE platform.aid SET xm = '张叁' WHERE rid = 'a1'");
  f.clock.advance(hour);
  const auto again = f.scan_and_open();  // 11:00: civ's conflict is back after its task closed
  REQUIRE(again.size() == 1);

  // The new conflict task goes overdue (10 working days) and the sweeper orders a rectification.
  engine::tasks::DeadlineSweep(f.db.url(), f.setup).sweep(testing::local_time(2026, 12, 20, 12));
  CHECK(f.sql("SELECT count(*) FROM tasks WHERE kind = 'rectify' AND assignee = 'civ'") == "1");

  const auto november = [&](engine::Instant now) {
    return engine::store::task_statistics(f.db.url(), f.calendar, testing::local_time(2026, 11, 1, 0),
                                          testing::local_time(2026, 12, 1, 0), now);
  };
  const auto stats = november(testing::local_time(2026, 12, 20, 12));
  const auto* pol = row_of(stats, "pol");
  const auto* civ = row_of(stats, "civ");
  REQUIRE(pol != nullptr);
  REQUIRE(civ != nullptr);
  // pol corrected twice; a scan saw the finding after the first answer (09:00 > 08:00), not after
  // the second (last seen 09:00, answered 09:00); that scan reopened the task.
  CHECK(pol->corrections == 2);
  CHECK(pol->corrections_found_again == 1);
  CHECK(pol->correction_not_effective == 1);
  CHECK(pol->rectification_orders_open == 0);
  // civ corrected once; the finding came back at 11:00, after the task had closed (no reopen).
  CHECK(civ->corrections == 1);
  CHECK(civ->corrections_found_again == 1);
  CHECK(civ->correction_not_effective == 0);
  CHECK(civ->rectification_orders_open == 1);
  CHECK(civ->rectification_orders_overdue == 0);  // ordered on 12-20, 15 working days to go

  const auto later = november(testing::local_time(2027, 2, 1, 12));
  CHECK(row_of(later, "civ")->rectification_orders_overdue == 1);
  // The corrections were all answered in November: December has none, and no reopen.
  const auto december = engine::store::task_statistics(f.db.url(), f.calendar, testing::local_time(2026, 12, 1, 0),
                                                       testing::local_time(2027, 1, 1, 0),
                                                       testing::local_time(2026, 12, 20, 12));
  CHECK(row_of(december, "pol") == nullptr);
  REQUIRE(row_of(december, "civ") != nullptr);  // its open rectification order
  CHECK(row_of(december, "civ")->corrections == 0);
  CHECK(row_of(december, "civ")->rectification_orders_open == 1);
}
