#include "engine/scan/lease_keeper.hpp"

#include "engine/log/log.hpp"

namespace jiaohe::engine::scan {

LeaseKeeper::LeaseKeeper(std::function<bool()> renew, std::chrono::milliseconds period)
    : renew_(std::move(renew)), period_(period), thread_([this] { run(); }) {}

LeaseKeeper::~LeaseKeeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  thread_.join();
}

void LeaseKeeper::run() {
  std::unique_lock lock(mutex_);
  while (!stop_.wait_for(lock, period_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (!renew_()) lost_ = true;
    } catch (const std::exception& e) {
      log::warn("lease.not_renewed", {{"error", e.what()}});
    }
    lock.lock();
    if (lost_) return;
  }
}

}  // namespace jiaohe::engine::scan
