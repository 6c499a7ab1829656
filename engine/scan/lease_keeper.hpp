#pragma once
// Renews a lease (a unit's, or a scan's) on a thread of its own while the work it covers runs:
// `renew` is called every `period` until the keeper goes away, and the first time it answers
// false (another holder took over; the work ended elsewhere) the lease counts as lost, which
// the work checks at its next step and gives up. A renewal that throws (the database is gone
// for a moment) is tried again next period; the lease is lost only when it has run out.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace jiaohe::engine::scan {

class LeaseKeeper {
 public:
  LeaseKeeper(std::function<bool()> renew, std::chrono::milliseconds period);
  ~LeaseKeeper();
  LeaseKeeper(const LeaseKeeper&) = delete;
  LeaseKeeper& operator=(const LeaseKeeper&) = delete;

  bool lost() const { return lost_; }

 private:
  void run();

  std::function<bool()> renew_;
  std::chrono::milliseconds period_;
  std::atomic<bool> lost_{false};
  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jiaohe::engine::scan
