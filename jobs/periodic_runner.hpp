#pragma once
// Runs a job every `interval` on a thread of its own until stopped. Failures are logged and
// the next run still happens: a sweeper that died on one bad row would stop all reminders.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "jobs/job.hpp"

namespace jiaohe::jobs {

class PeriodicRunner {
 public:
  PeriodicRunner(Job& job, const engine::Clock& clock, std::chrono::milliseconds interval);
  ~PeriodicRunner();  // stops
  void start();
  void stop();

 private:
  void loop();

  Job& job_;
  const engine::Clock& clock_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jiaohe::jobs
