// The queries behind the queue and dispute lists: filters, keyset pages, a task's evidence.
#include <doctest/doctest.h>

#include <set>

#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/task_queue.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::store::PageQuery;
using engine::store::TaskFilter;
using engine::tasks::TaskKind;
using engine::tasks::TaskStatus;

namespace {

struct QueueFixture : testing::WorkflowFixture {
  engine::store::TaskQueue queue{db.url()};

  engine::disputes::Filed file(const std::string& subject, bool withdrawal = false) {
    auto r = name_dispute(subject);
    r.withdrawal = withdrawal;
    return disputes.file(r, clock.now());
  }
  std::set<std::int64_t> ids(TaskFilter filter) {
    filter.now = clock.now();
    std::set<std::int64_t> out;
    for (const auto& t : queue.list(filter, PageQuery{0, 200}).items) out.insert(t.id);
    return out;
  }
};

}  // namespace

TEST_CASE("the task queue filters by scope status kind dataset due date and overdue") {
  QueueFixture f;
  f.scan_and_open();
  const auto conflict = f.task_of_rule("BL-CONF-001");  // civ, aid
  const auto missing = f.task_of_rule("BL-REQ-001");    // pol, reg
  const auto dispute = f.file(f.person).task_id;
  const auto withdrawal = f.file(f.other, true).task_id;
  f.loop.answer_findings(conflict, engine::tasks::FindingAnswer::kCorrected, "", testing::kCivClerk, f.clock.now());

  using Ids = std::set<std::int64_t>;
  CHECK(f.ids({}) == Ids{conflict, missing, dispute, withdrawal});
  CHECK(f.ids({.visible_to = "civ"}) == Ids{conflict, dispute, withdrawal});
  CHECK(f.ids({.visible_to = "civ", .assignee = "pol"}).empty());
  CHECK(f.ids({.status = TaskStatus::kAnswered}) == Ids{conflict});
  CHECK(f.ids({.kind = TaskKind::kVerifyDispute}) == Ids{dispute});
  CHECK(f.ids({.dataset_id = "reg"}) == Ids{missing});
  CHECK(f.ids({.due_before = testing::local_time(2026, 11, 29, 0)}) == Ids{withdrawal});
  f.clock.set(testing::local_time(2026, 12, 31, 9));  // everything is past due; the answered task is not overdue
  CHECK(f.ids({.overdue = true}) == Ids{missing, dispute, withdrawal});
  CHECK(f.ids({.overdue = false}) == Ids{conflict});
}

TEST_CASE("task and dispute pages are newest first and meet without gaps or repeats") {
  QueueFixture f;
  std::vector<std::int64_t> tasks, disputes;
  for (int i = 0; i < 5; ++i) {
    const auto filed = f.file(f.person);
    tasks.push_back(filed.task_id);
    disputes.push_back(filed.dispute_id);
  }
  std::vector<std::int64_t> seen_tasks, seen_disputes;
  PageQuery page{0, 2};
  for (;;) {
    const auto p = f.queue.list(TaskFilter{}, page);
    for (const auto& t : p.items) seen_tasks.push_back(t.id);
    if (!p.next_before_id) break;
    page.before_id = *p.next_before_id;
  }
  page = PageQuery{0, 2};
  for (;;) {
    const auto p = f.disputes.list({.subject_id = f.person}, page);
    for (const auto& d : p.items) seen_disputes.push_back(d.id);
    if (!p.next_before_id) break;
    page.before_id = *p.next_before_id;
  }
  CHECK(seen_tasks == std::vector<std::int64_t>(tasks.rbegin(), tasks.rend()));
  CHECK(seen_disputes == std::vector<std::int64_t>(disputes.rbegin(), disputes.rend()));
  CHECK(f.disputes.list({.subject_id = f.other}, PageQuery{0, 10}).items.empty());
  CHECK(f.disputes.list({.agency = "civ", .kind = "withdrawal"}, PageQuery{0, 10}).items.empty());
  const auto listed = f.disputes.list({.agency = "civ"}, PageQuery{0, 1}).items.at(0);
  CHECK(listed.current_step == "verify_dispute (Art. 19 ¶1)");
  CHECK(listed.deadline.has_value());
}

TEST_CASE("a finding task's evidence lists its findings and every dataset's value of the subject") {
  QueueFixture f;
  f.scan_and_open();
  const auto id = f.task_of_rule("BL-CONF-001");
  const auto findings = f.queue.findings(id);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].finding.dataset_id == "aid");
  CHECK(findings[0].finding.record_key == "a1");
  CHECK(findings[0].finding.subject_id == f.person);
  CHECK(findings[0].finding.attribute == "person.name");
  CHECK(findings[0].outcome.empty());
  CHECK(findings[0].finding.evidence.is_object());
  std::set<std::string> values;
  for (const auto& v : f.queue.values(id)) values.insert(v.dataset_id + "/" + v.record_key + "=" + v.value);
  CHECK(values == std::set<std::string>{"aid/a1=张叁", "reg/r1=张三"});
}

// Each combination of filters has a statement of its own (engine/store/task_queue.cpp): every
// one of them must answer what the filters mean, checked against the whole list filtered here.
TEST_CASE("every combination of the queue's filters answers what the filters mean") {
  QueueFixture f;
  f.scan_and_open();
  const auto conflict = f.task_of_rule("BL-CONF-001");
  f.file(f.person);
  f.file(f.other, true);
  f.loop.answer_findings(conflict, engine::tasks::FindingAnswer::kCorrected, "", testing::kCivClerk, f.clock.now());
  f.clock.set(testing::local_time(2026, 12, 31, 9));
  const auto now = f.clock.now();
  const auto all = f.queue.list(TaskFilter{.now = now}, PageQuery{0, 500}).items;
  REQUIRE(all.size() >= 4);
  const auto middle = all[all.size() / 2].id;
  const auto due_before = testing::local_time(2026, 11, 29, 0);
  const auto must_act = [](TaskStatus s) {
    return s == TaskStatus::kOpen || s == TaskStatus::kInProgress || s == TaskStatus::kExtensionRequested ||
           s == TaskStatus::kReopened;
  };
  std::set<std::set<std::int64_t>> answers;
  for (unsigned mask = 0; mask < (1u << 10); ++mask) {
    TaskFilter filter{.now = now};
    PageQuery page{0, 500};
    const auto on = [&](unsigned bit) { return (mask >> bit & 1u) != 0; };
    if (on(0)) filter.visible_to = "civ";
    if (on(1)) filter.assignee = on(0) ? "civ" : "pol";
    if (on(2)) filter.status = TaskStatus::kOpen;
    if (on(3)) filter.kind = TaskKind::kVerifyDispute;
    if (on(4)) filter.dataset_id = "aid";
    if (on(5)) filter.due_before = due_before;
    if (on(6)) filter.overdue = on(2);  // both values of the flag
    if (on(7)) page.before_id = middle;
    if (on(8)) filter.assigned_to = "nobody-has-this-id";
    if (on(9)) filter.unassigned = true;
    std::set<std::int64_t> expected;
    for (const auto& t : all) {
      if (!filter.visible_to.empty() && t.assignee != filter.visible_to) continue;
      if (!filter.assignee.empty() && t.assignee != filter.assignee) continue;
      if (filter.status && t.status != *filter.status) continue;
      if (filter.kind && t.kind != *filter.kind) continue;
      if (!filter.dataset_id.empty() && t.dataset_id != filter.dataset_id) continue;
      if (filter.due_before && !(t.due_at && *t.due_at < *filter.due_before)) continue;
      if (filter.overdue && (t.due_at && *t.due_at < now && must_act(t.status)) != *filter.overdue) continue;
      if (page.before_id != 0 && t.id >= page.before_id) continue;
      if (!filter.assigned_to.empty() && !(t.assigned_to && t.assigned_to->staff_id == filter.assigned_to)) continue;
      if (filter.unassigned && t.assigned_to) continue;
      expected.insert(t.id);
    }
    std::set<std::int64_t> got;
    for (const auto& t : f.queue.list(filter, page).items) got.insert(t.id);
    INFO("filters " << mask);
    CHECK(got == expected);
    answers.insert(expected);
  }
  CHECK(answers.size() >= 6);  // the filters do select: the fixture is not answering all or nothing
}
