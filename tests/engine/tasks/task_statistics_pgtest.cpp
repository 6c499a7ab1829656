// Supervision statistics per agency: received, on time, overdue, extended, working days to answer.
#include <doctest/doctest.h>

#include "engine/tasks/deadline_sweep.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/task_statistics.hpp"
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
                                                    testing::local_time(2026, 12, 1, 0));
  REQUIRE(stats.size() == 1);
  CHECK(stats[0].agency == "civ");
  CHECK(stats[0].received == 3);
  CHECK(stats[0].answered == 1);
  CHECK(stats[0].answered_on_time == 1);
  CHECK(stats[0].overdue == 1);
  CHECK(stats[0].extended == 1);
  CHECK(stats[0].average_working_days_to_answer == doctest::Approx(3.0));
}
