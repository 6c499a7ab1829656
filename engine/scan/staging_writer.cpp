#include "engine/scan/staging_writer.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr std::size_t kWaiting = 2;

}  // namespace

StagingWriter::StagingWriter(store::UnitStage& stage) : stage_(stage), thread_([this] { run(); }) {}

StagingWriter::~StagingWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void StagingWriter::submit(StagingBuffers& buffers) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kWaiting || failure_; });
  if (failure_) std::rethrow_exception(failure_);
  queue_.emplace_back();
  std::swap(queue_.back(), buffers);
  buffers.clear();
  changed_.notify_all();
}

void StagingWriter::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return (queue_.empty() && !writing_) || failure_; });
  if (failure_) std::rethrow_exception(failure_);
}

void StagingWriter::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return !queue_.empty() || stopping_; });
    // Stopping without drain(): the scan failed, what waits is of no use any more.
    if (stopping_) return;
    StagingBuffers buffers = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    const bool skip = failure_ != nullptr;  // the transaction is lost already
    lock.unlock();
    std::exception_ptr failed;
    try {
      if (!skip) stage_.stage({buffers.findings, buffers.records, buffers.values, buffers.keys, buffers.duplicates});
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    writing_ = false;
    if (failed) failure_ = failed;
    changed_.notify_all();
  }
}

}  // namespace jiaohe::engine::scan
