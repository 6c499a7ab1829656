#include "engine/store/group_commit.hpp"

#include <pqxx/pqxx>

#include <algorithm>

#include "engine/store/batch_tx.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/idempotency_store.hpp"
#include "engine/store/keyed_write.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

// Filings' worth of ids reserved at a time, and how long they are kept: a reserve kept through
// a quiet hour would number the next filing below tasks opened meanwhile, and lists are newest
// first by id.
constexpr std::size_t kIdReserve = 256;
constexpr auto kIdReserveLife = std::chrono::seconds(1);

void move_front(std::deque<std::int64_t>& from, std::deque<std::int64_t>& to, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    to.push_back(from.front());
    from.pop_front();
  }
}

}  // namespace

GroupCommitter::GroupCommitter(std::string url, tasks::WorkflowSetup setup, GroupCommitOptions options)
    : url_(std::move(url)), setup_(std::move(setup)), options_(options) {
  for (int i = 0; i < options_.lanes; ++i) lanes_.emplace_back([this] { lane(); });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : lanes_) t.join();
}

std::size_t GroupCommitter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

std::size_t GroupCommitter::pieces() const {
  std::lock_guard lock(mutex_);
  return pieces_;
}

std::size_t GroupCommitter::batched() const {
  std::lock_guard lock(mutex_);
  return batched_;
}

std::size_t GroupCommitter::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t GroupCommitter::in_flight() const {
  std::lock_guard lock(mutex_);
  return submitted_ - answered_;
}

void GroupCommitter::run_unit(Instant now, std::function<void(tasks::UnitOfWork&)> body) {
  auto unit = body;
  submit(now, [body = std::move(body)](TaskTx& t) { body(t); }, std::move(unit));
}

void GroupCommitter::submit(Instant now, std::function<void(TaskTx&)> work,
                            std::function<void(tasks::UnitOfWork&)> unit) {
  auto* keyed = KeyedWrite::current();
  // A keyed request that already holds its transaction writes there (in_task_tx joins it).
  if (keyed && keyed->has_transaction()) return in_task_tx(url_, setup_, now, work);
  Piece piece{now, std::move(work), std::move(unit), {}, keyed ? keyed->lend_from_batch() : nullptr};
  auto done = piece.done.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(piece));
    ++submitted_;
  }
  wake_.notify_one();
  // Counted by the caller itself, so a caller that got its answer is never still "in flight".
  struct Answered {
    GroupCommitter* self;
    ~Answered() {
      std::lock_guard lock(self->mutex_);
      ++self->answered_;
    }
  } answered{this};
  done.get();
}

void GroupCommitter::lane() {
  for (;;) {
    std::vector<Piece> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to commit
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      // Counted when taken, before any piece is answered: a caller that has its answer sees
      // its piece in pieces() (counting after the commit raced with the callers' reads).
      ++batches_;
      pieces_ += batch.size();
    }
    std::vector<Piece*> pieces;
    for (auto& p : batch) pieces.push_back(&p);
    commit(pieces);
  }
}

std::vector<GroupCommitter::Piece*> GroupCommitter::write_batched(pqxx::transaction_base& tx,
                                                                   const std::vector<Piece*>& batch,
                                                                   std::size_t& written) {
  // A keyed request claims its key before its write and is lent the transaction after it: it
  // keeps the per-piece path.
  std::vector<Piece*> batchable, rest;
  for (auto* piece : batch) (piece->unit && !piece->loan ? batchable : rest).push_back(piece);
  if (batchable.empty()) return rest;
  auto ids = reserve_batch_ids(tx, batchable.size());
  BatchRows rows;
  for (auto* piece : batchable) {
    try {
      batch_rows(*piece, ids, rows);
    } catch (const std::exception&) {
      // It wrote nothing yet: it runs again on a TaskTx, where a real failure recurs.
      rest.push_back(piece);
      continue;
    }
    ++written;
  }
  write_batch_rows(tx, rows);
  return rest;
}

BatchIds GroupCommitter::take_ids(pqxx::connection_base& c, std::size_t pieces) {
  std::lock_guard lock(ids_mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!ids_ || ids_->disputes.size() < pieces || ids_->tasks.size() < pieces || ids_->events.size() < 2 * pieces ||
      now - ids_filled_ > kIdReserveLife) {
    pqxx::nontransaction tx(c);
    ids_ = std::make_unique<BatchIds>(reserve_batch_ids(tx, std::max(pieces, kIdReserve)));
    ids_filled_ = now;
  }
  BatchIds out;
  move_front(ids_->disputes, out.disputes, pieces);
  move_front(ids_->tasks, out.tasks, pieces);
  move_front(ids_->events, out.events, 2 * pieces);
  return out;
}

bool GroupCommitter::commit_in_one_statement(const std::vector<Piece*>& batch) {
  if (!std::all_of(batch.begin(), batch.end(), [](const Piece* p) { return p->unit && !p->loan; })) return false;
  BatchRows rows;
  try {
    auto lease = connect(url_);
    // The batch statement's row estimates exceed jit_above_cost, and compiling it would cost more
    // than running it; set once per connection (libpqxx remembers the value, so no round trip
    // after the first).
    if (lease->get_variable("jit") != "off") lease->set_variable("jit", "off");
    auto ids = take_ids(*lease, batch.size());
    for (auto* piece : batch) batch_rows(*piece, ids, rows);  // one that cannot be batched throws
    pqxx::nontransaction tx(*lease);
    try {
      write_batch_rows(tx, rows);
    } catch (const pqxx::sql_error&) {
      return false;  // the statement was rolled back: the general path finds who fails
    } catch (...) {
      // The connection broke: the statement may or may not have committed, so no piece may run
      // again (as when a commit fails).
      for (auto* piece : batch) piece->done.set_exception(std::current_exception());
      return true;
    }
  } catch (const std::exception&) {
    return false;  // before the write (no connection, no ids, a piece not batchable)
  }
  answer_committed(batch, batch.size());
  return true;
}

void GroupCommitter::commit(const std::vector<Piece*>& batch, bool alone) {
  if (!alone && commit_in_one_statement(batch)) return;
  // How far the batch got: its writes running, its transaction lent to keyed requests (`lent`
  // of them so far, the last one possibly still holding it), or its commit.
  enum class Stage { kWriting, kLending, kCommitting } stage = Stage::kWriting;
  std::vector<Piece*> lent;
  std::size_t written = 0;
  try {
    auto lease = connect(url_);
    pqxx::work tx(*lease);
    for (auto* piece : alone ? batch : write_batched(tx, batch, written)) {
      if (piece->loan && !claim_key(tx, piece->loan->key, piece->loan->now)) {
        piece->loan->key_taken = true;
        throw KeyTaken();
      }
      TaskTx t(tx, setup_, piece->now);
      piece->work(t);
    }
    stage = Stage::kLending;
    for (auto* piece : batch) {
      if (!piece->loan) continue;
      auto sealed = piece->loan->sealed.get_future();
      piece->loan->tx = &tx;
      lent.push_back(piece);
      piece->done.set_value();  // the request goes on with the batch's transaction
      sealed.get();
    }
    stage = Stage::kCommitting;
    tx.commit();
  } catch (...) {
    const auto failure = std::current_exception();
    if (stage == Stage::kCommitting) {
      // The commit itself failed (or its outcome is unknown): no piece may be run again.
      for (auto* piece : batch)
        piece->loan ? piece->loan->committed.set_exception(failure) : piece->done.set_exception(failure);
    } else if (stage == Stage::kLending) {
      // A keyed request gave up after its write (it has its own answer): the others whose
      // answers were built on this transaction's writes fail; the rest run again.
      for (auto* piece : lent)
        if (piece != lent.back()) piece->loan->committed.set_exception(std::make_exception_ptr(BatchAbandoned()));
      for (auto* piece : batch)
        if (std::find(lent.begin(), lent.end(), piece) == lent.end()) commit({piece}, true);
    } else if (alone || (batch.size() == 1 && !batch[0]->unit)) {
      batch[0]->done.set_exception(failure);
    } else {
      // A piece failed before the commit and took the batch's transaction with it; nothing is
      // committed, so each piece runs again on its own and only the failing one fails.
      for (auto* piece : batch) commit({piece}, true);
    }
    return;
  }
  answer_committed(batch, written);
}

void GroupCommitter::batch_rows(Piece& piece, BatchIds& ids, BatchRows& rows) {
  BatchTx t(ids, setup_, piece.now);
  piece.unit(t);
  rows.append(std::move(t.rows()));
}

void GroupCommitter::answer_committed(const std::vector<Piece*>& batch, std::size_t written) {
  {
    std::lock_guard lock(mutex_);
    batched_ += written;
  }
  for (auto* piece : batch) piece->loan ? piece->loan->committed.set_value() : piece->done.set_value();
}

}  // namespace jiaohe::engine::store
