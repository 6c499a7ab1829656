#include <doctest/doctest.h>

#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/store/task_tx.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

namespace jiaohe::testing {
namespace {

using engine::disputes::DisputeDesk;
using engine::disputes::DisputeRequest;
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

// Runs `callers` on threads of their own while the committer's one lane is held inside a first
// batch, and lets it go once all of them queued: their pieces are certain to share one batch,
// in the order of `callers`.
void in_one_batch(GroupCommitter& committer, engine::Instant now, const std::vector<std::function<void()>>& callers) {
  std::promise<void> entered, release;
  auto released = release.get_future();
  std::thread holder([&] {
    committer.run(now, [&](TaskTx&) {
      entered.set_value();
      released.wait();
      return 0;
    });
  });
  entered.get_future().wait();
  // One at a time, each queued before the next starts: the batch holds them in this order.
  std::vector<std::thread> threads;
  for (const auto& call : callers) {
    threads.emplace_back(call);
    while (committer.pending() < threads.size()) std::this_thread::yield();
  }
  release.set_value();
  holder.join();
  for (auto& t : threads) t.join();
}

// Every row the filings wrote, ids and times included, one JSON text per row, table by table.
std::string rows_of(WorkflowFixture& f) {
  std::string out;
  for (const std::string table : {"disputes", "tasks", "task_events", "outbox", "verification_flags"})
    out += table + ":\n" +
           f.sql("SELECT coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY id), '') FROM " + table + " x") + "\n";
  return out;
}

// Three filings unlike each other: a plain one; one whose texts hold every character JSON must
// escape, Chinese and a contact to notify; one that names its agency but neither dataset nor
// attribute.
std::vector<DisputeRequest> varied_filings(const std::string& person) {
  auto plain = filing(person, "name misspelt");
  auto escaped = filing(person, "名字 \"错\" 了\\ line\nbreak\ttab\x01\x1f end");
  escaped.claimed_value = "王 \"小\"明\\\n";
  escaped.notify = {{"email", "a\"b@example.cn"}, {"sms", "13800000000"}};
  auto unknown = filing(person, "something about me is wrong");
  unknown.dataset_id.clear();
  unknown.attribute.clear();
  unknown.agency_code = "civ";
  return {plain, escaped, unknown};
}

TEST_CASE("a batch of filings writes exactly the rows the same filings write one at a time") {
  WorkflowFixture alone, batched;
  for (const auto& r : varied_filings(alone.person)) alone.disputes.file(r, alone.clock.now());

  GroupCommitter committer(batched.db.url(), batched.setup, GroupCommitOptions{1, 64});
  DisputeDesk desk(batched.db.url(), batched.setup, &committer);
  const auto requests = varied_filings(batched.person);
  std::vector<std::int64_t> ids(3);
  std::vector<std::function<void()>> callers;
  for (int i = 0; i < 3; ++i)
    callers.push_back([&, i] { ids[i] = desk.file(requests[i], batched.clock.now()).dispute_id; });
  in_one_batch(committer, batched.clock.now(), callers);

  CHECK(committer.batches() == 2);
  CHECK(committer.batched() == 3);  // the three filings' rows went out with one statement per table
  CHECK(ids == std::vector<std::int64_t>{1, 2, 3});
  const auto expected = rows_of(alone);
  CHECK(expected.find("record_flagged") != std::string::npos);
  CHECK(expected.find("13800000000") != std::string::npos);
  CHECK(rows_of(batched) == expected);
}

TEST_CASE("a filing refused by the batch's statement fails alone and the batch's others commit") {
  WorkflowFixture f;
  f.sql("ALTER TABLE disputes ADD CONSTRAINT batch_probe CHECK (description <> 'refused')");
  GroupCommitter committer(f.db.url(), f.setup, GroupCommitOptions{1, 64});
  DisputeDesk desk(f.db.url(), f.setup, &committer);
  std::int64_t a = 0, b = 0;
  bool refused = false;
  in_one_batch(committer, f.clock.now(),
               {[&] { a = desk.file(filing(f.person, "first"), f.clock.now()).dispute_id; },
                [&] {
                  try {
                    desk.file(filing(f.person, "refused"), f.clock.now());
                  } catch (const std::exception&) {
                    refused = true;
                  }
                },
                [&] { b = desk.file(filing(f.other, "second"), f.clock.now()).dispute_id; }});

  CHECK(refused);
  CHECK(a > 0);
  CHECK(b > 0);
  CHECK(committer.batched() == 0);  // the batch failed whole; each piece then ran on its own
  CHECK(f.sql("SELECT string_agg(description, ',' ORDER BY description) FROM disputes") == "first,second");
  // Each committed filing is whole: task, opened and flags_set events, two notifications, a flag.
  CHECK(f.sql("SELECT count(*) FROM tasks") == "2");
  CHECK(f.sql("SELECT count(*) FROM task_events") == "4");
  CHECK(f.sql("SELECT count(*) FROM outbox") == "4");
  CHECK(f.sql("SELECT count(*) FROM verification_flags") == "2");
}

TEST_CASE("a unit of work that reads rows runs on its own in the batch beside the batched filings") {
  WorkflowFixture f;
  const auto first = f.disputes.file(filing(f.person, "earlier"), f.clock.now());
  GroupCommitter committer(f.db.url(), f.setup, GroupCommitOptions{1, 64});
  DisputeDesk desk(f.db.url(), f.setup, &committer);
  std::int64_t later = 0;
  std::string step;
  in_one_batch(committer, f.clock.now(),
               {[&] { later = desk.file(filing(f.other, "later"), f.clock.now()).dispute_id; },
                [&] {
                  committer.run_unit(f.clock.now(), [&](engine::tasks::UnitOfWork& u) {
                    step = u.load_task(first.task_id).step;  // a read: not batchable
                    u.insert_event(first.task_id, "commented", kCivClerk, nullptr, nullptr, "looked at it");
                  });
                }});

  CHECK(later > 0);
  CHECK(!step.empty());
  CHECK(committer.batched() == 1);
  CHECK(f.sql("SELECT count(*) FROM task_events WHERE action = 'commented' AND task_id = " +
              std::to_string(first.task_id)) == "1");
  CHECK(f.sql("SELECT count(*) FROM tasks WHERE dispute_id = " + std::to_string(later)) == "1");
}

}  // namespace
}  // namespace jiaohe::testing
