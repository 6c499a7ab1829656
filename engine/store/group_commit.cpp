#include "engine/store/group_commit.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {

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

std::size_t GroupCommitter::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t GroupCommitter::in_flight() const {
  std::lock_guard lock(mutex_);
  return submitted_ - pieces_;
}

void GroupCommitter::submit(Instant now, std::function<void(TaskTx&)> work) {
  Piece piece{now, std::move(work), {}};
  auto done = piece.done.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(piece));
    ++submitted_;
  }
  wake_.notify_one();
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
    }
    commit(batch);
  }
}

void GroupCommitter::commit(std::vector<Piece>& batch) {
  std::vector<std::exception_ptr> failures(batch.size());
  bool committing = false;
  try {
    auto lease = connect(url_);
    pqxx::work tx(*lease);
    for (auto& piece : batch) {
      TaskTx t(tx, setup_, piece.now);
      piece.work(t);
    }
    committing = true;
    tx.commit();
  } catch (...) {
    const auto failure = std::current_exception();
    if (committing || batch.size() == 1) {
      // The commit itself failed (or its outcome is unknown): no piece may be run again.
      for (auto& f : failures) f = failure;
    } else {
      // A piece failed before the commit and took the batch's transaction with it; nothing is
      // committed, so each piece runs again on its own and only the failing one fails.
      for (std::size_t i = 0; i < batch.size(); ++i) {
        try {
          in_task_tx(url_, setup_, batch[i].now, [&](TaskTx& t) { batch[i].work(t); });
        } catch (...) {
          failures[i] = std::current_exception();
        }
      }
    }
  }
  {
    std::lock_guard lock(mutex_);
    ++batches_;
    pieces_ += batch.size();
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (failures[i])
      batch[i].done.set_exception(failures[i]);
    else
      batch[i].done.set_value();
  }
}

}  // namespace jiaohe::engine::store
