#pragma once
// "Now" is injected: production uses SystemClock, tests move a ManualClock instead of sleeping.
#include <atomic>
#include <chrono>

namespace jiaohe::engine {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start.time_since_epoch().count()) {}
  Instant now() const override { return Instant(std::chrono::microseconds(now_.load())); }
  void set(Instant t) { now_ = t.time_since_epoch().count(); }
  void advance(std::chrono::microseconds d) { now_ += d.count(); }

 private:
  std::atomic<long long> now_;
};

}  // namespace jiaohe::engine
