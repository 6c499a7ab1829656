#include "jobs/periodic_runner.hpp"

#include "engine/log/log.hpp"

namespace jiaohe::jobs {

PeriodicRunner::PeriodicRunner(Job& job, const engine::Clock& clock, std::chrono::milliseconds interval)
    : job_(job), clock_(clock), interval_(interval) {}

PeriodicRunner::~PeriodicRunner() { stop(); }

void PeriodicRunner::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
}

void PeriodicRunner::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicRunner::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      job_.run_once(clock_.now());
    } catch (const std::exception& e) {
      engine::log::error("job.failed", {{"job", job_.name()}, {"error", e.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace jiaohe::jobs
