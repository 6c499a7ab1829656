#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/store/task_tx.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

namespace jiaohe::testing {
namespace {

using engine::disputes::DisputeRequest;
using engine::disputes::DisputeDesk;
using engine::store::GroupCommitOptions;
using engine::store::GroupCommitter;
using engine::store::TaskTx;

DisputeRequest filing(const std::string& subject, const std::string& description) {
  DisputeRequest r;
  r.subject_id = subject;
  r.dataset_id = "reg";
  r.attribute = "name";
  r.description = description;
  return r;
}

TEST_CASE("group commit fails only the failing piece of a batch and commits the others") {
  WorkflowFixture f;
  f.sql("CREATE TABLE gc_probe (label text NOT NULL)");
  GroupCommitter committer(f.db.url(), f.setup, GroupCommitOptions{1, 64});
  DisputeDesk disputes(f.db.url(), f.setup, &committer);

  // The one lane is held inside a first batch until three more pieces queue behind it, so
  // those three are certain to share the second batch.
  std::promise<void> entered, release;
  auto released = release.get_future();
  std::thread first([&] {
    committer.run(f.clock.now(), [&](TaskTx& t) {
      entered.set_value();
      released.wait();
      t.tx().exec0("INSERT INTO gc_probe VALUES ('first')");
      return 0;
    });
  });
  entered.get_future().wait();

  std::int64_t filed_a = 0, filed_b = 0;
  std::atomic<bool> bad_failed{false};
  std::thread a([&] { filed_a = disputes.file(filing(f.person, "name misspelt (a)"), f.clock.now()).dispute_id; });
  std::thread bad([&] {
    try {
      committer.run(f.clock.now(), [&](TaskTx& t) {
        t.tx().exec0("INSERT INTO gc_probe VALUES ('bad')");
        t.tx().exec0("SELECT 1 / 0");  // fails after writing: its insert must vanish
        return 0;
      });
    } catch (const std::exception&) {
      bad_failed = true;
    }
  });
  std::thread b([&] { filed_b = disputes.file(filing(f.other, "name missing (b)"), f.clock.now()).dispute_id; });
  while (committer.pending() < 3) std::this_thread::yield();
  release.set_value();
  for (auto* t : {&first, &a, &bad, &b}) t->join();

  CHECK(bad_failed);
  CHECK(committer.batches() == 2);
  CHECK(committer.pieces() == 4);
  CHECK(f.sql("SELECT string_agg(label, ',' ORDER BY label) FROM gc_probe") == "first");
  CHECK(filed_a > 0);
  CHECK(filed_b > 0);
  CHECK(f.sql("SELECT count(*) FROM disputes") == "2");
  // Each filing committed whole: its dispute, its task and the task's opening and flags_set events.
  CHECK(f.sql("SELECT count(*) FROM tasks WHERE dispute_id IN (" + std::to_string(filed_a) + "," +
              std::to_string(filed_b) + ")") == "2");
  CHECK(f.sql("SELECT count(*) FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.dispute_id IS NOT NULL") == "4");
}

TEST_CASE("group commit answers every concurrent filing with its own committed dispute") {
  WorkflowFixture f;
  GroupCommitter committer(f.db.url(), f.setup, GroupCommitOptions{4, 64});
  DisputeDesk disputes(f.db.url(), f.setup, &committer);
  constexpr int kThreads = 16, kEach = 10;
  std::vector<std::vector<std::int64_t>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < kEach; ++k)
        ids[i].push_back(disputes.file(filing(i % 2 ? f.person : f.other, "filing " + std::to_string(i) + "/" +
                                                                            std::to_string(k)),
                                       f.clock.now())
                             .dispute_id);
    });
  for (auto& t : threads) t.join();

  std::set<std::int64_t> distinct;
  for (const auto& v : ids) distinct.insert(v.begin(), v.end());
  CHECK(distinct.size() == kThreads * kEach);
  CHECK(committer.pieces() == kThreads * kEach);
  CHECK(committer.batches() <= committer.pieces());
  CHECK(f.sql("SELECT count(*) FROM disputes") == std::to_string(kThreads * kEach));
  CHECK(f.sql("SELECT count(DISTINCT description) FROM disputes") == std::to_string(kThreads * kEach));
  CHECK(f.sql("SELECT count(*) FROM tasks WHERE kind = 'verify_dispute' AND due_at IS NOT NULL") ==
        std::to_string(kThreads * kEach));
  // The answer a caller got is its own filing.
  CHECK(f.sql("SELECT description FROM disputes WHERE id = " + std::to_string(ids[3][7])) == "filing 3/7");
}

}  // namespace
}  // namespace jiaohe::testing
