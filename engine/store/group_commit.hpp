#pragma once
// Group commit: many concurrent callers' workflow writes committed in one transaction, each
// caller answered only once that transaction is durable. A commit costs one WAL flush whatever
// it holds, so a server that commits each request on its own is bounded by flushes per second;
// batching the writes that arrive while the previous flush runs lifts that bound without
// weakening "2xx means committed".
//
// A request with an Idempotency-Key (engine/store/keyed_write.hpp) has its key claimed before
// its write and its answer recorded after it, in the batch's transaction: once every write of
// the batch ran, the batch's transaction is lent to each keyed request in turn until it has
// recorded its answer, and the batch commits after the last one. A keyed request that fails
// after its write rolls the batch back; its other requests run again, each on its own, except
// keyed ones that already recorded an answer, which fail (BatchAbandoned) and may be retried.
//
// The pieces of a batch run one after the other in one transaction, without savepoints (two
// round trips each saved on the common path). When a piece throws, the batch's transaction is
// rolled back and every piece runs again in a transaction of its own, so one caller's failure
// reaches only that caller; pieces must therefore be safe to run again, which writes from
// captured inputs are. A failed commit fails every caller of the batch and nothing is run
// again, since the outcome may be unknown. A batch is whatever waited while the lane was
// busy: no timer, so a lone request is never delayed.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/clock.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace pqxx {
class connection_base;
class transaction_base;
}
namespace jiaohe::engine::tasks {
class UnitOfWork;
}

namespace jiaohe::engine::store {

class TaskTx;
struct BatchIds;
struct BatchRows;
struct BatchLoan;

struct GroupCommitOptions {
  int lanes = 8;              // concurrent batches (threads, each with its own connection)
  std::size_t max_batch = 64;  // pieces of work per transaction at most
};

class GroupCommitter {
 public:
  GroupCommitter(std::string url, tasks::WorkflowSetup setup, GroupCommitOptions options = {});
  ~GroupCommitter();  // finishes the queued work, then stops the lanes
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Runs `work` in the next batch (with a TaskTx whose clock reads `now`) and returns its result
  // once the batch committed; rethrows what `work` threw, or the commit's failure. `work` may
  // run twice (see above) and must only write through `t`.
  template <typename Work>
  auto run(Instant now, Work&& work) {
    using Result = decltype(work(std::declval<TaskTx&>()));
    std::optional<Result> result;
    submit(now, [&](TaskTx& t) { result.emplace(work(t)); });
    return std::move(*result);
  }
  // Runs `body` in the next batch like run(), its rows written with the batch's (or, when it
  // cannot be, through a TaskTx); `body` may run more than once, so it writes only through its
  // unit.
  void run_unit(Instant now, std::function<void(tasks::UnitOfWork&)> body);

  // Batches formed so far and pieces of work in them (for the benchmark and tests); a piece is
  // counted once its batch was taken by a lane, whether or not it then failed.
  std::size_t batches() const;
  std::size_t pieces() const;
  // Pieces whose rows were written with their batch's rows (batch_tx.hpp), counted when their
  // batch committed, before their callers are answered.
  std::size_t batched() const;
  // Pieces waiting for a lane, and pieces submitted but not yet answered (waiting or in a batch).
  std::size_t pending() const;
  std::size_t in_flight() const;

 private:
  struct Piece {
    Instant now;
    std::function<void(TaskTx&)> work;
    std::function<void(tasks::UnitOfWork&)> unit;  // set when the piece may be batched
    std::promise<void> done;  // written (a keyed piece: then its loan goes on) or committed
    std::shared_ptr<BatchLoan> loan;  // a keyed request's
  };
  void submit(Instant now, std::function<void(TaskTx&)> work, std::function<void(tasks::UnitOfWork&)> unit = {});
  void lane();
  // `alone`: a piece run again on its own after its batch failed (never batched).
  void commit(const std::vector<Piece*>& batch, bool alone = false);
  // Collects the batchable pieces' rows and writes them; returns the pieces left to run one by
  // one, and counts in `written` those whose rows it wrote.
  std::vector<Piece*> write_batched(pqxx::transaction_base& tx, const std::vector<Piece*>& batch,
                                    std::size_t& written);
  // The common case in one round trip: a batch whose every piece can be batched is written by
  // one autocommitted statement, with ids from the shared reserve. False when nothing was
  // written and the batch must take the general path (a piece that cannot be batched, an
  // error the statement rolled back); true when every piece has its answer.
  bool commit_in_one_statement(const std::vector<Piece*>& batch);
  // Runs a batchable piece on a BatchTx taking its ids from `ids` and adds its rows to `rows`;
  // a piece that cannot be batched throws before it adds any.
  void batch_rows(Piece& piece, BatchIds& ids, BatchRows& rows);
  // Counts the `written` pieces whose rows went with the batch, then answers every piece of the
  // committed batch.
  void answer_committed(const std::vector<Piece*>& batch, std::size_t written);
  // `pieces` filings' worth of ids from the reserve, refilled on `c` when short or stale.
  BatchIds take_ids(pqxx::connection_base& c, std::size_t pieces);

  std::string url_;
  tasks::WorkflowSetup setup_;
  GroupCommitOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Piece> queue_;
  bool stopping_ = false;
  std::size_t batches_ = 0, pieces_ = 0, batched_ = 0, submitted_ = 0, answered_ = 0;
  std::vector<std::thread> lanes_;
  std::mutex ids_mutex_;
  std::unique_ptr<BatchIds> ids_;  // the reserve (batch_tx.hpp), with the time it was filled
  std::chrono::steady_clock::time_point ids_filled_{};
};

}  // namespace jiaohe::engine::store
