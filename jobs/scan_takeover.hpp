#pragma once
// Survivors of a dead coordinator (docs/SCALE.md), as a job of every `serve` and each
// `jiaohe worker`: settles the running scans whose lease ran out (engine/scan/orphan_scans.hpp:
// scheduled ones finished here, the others failed) and records each finished scheduled scan's
// cron slot as its scan ended, so the night still gets its scan.
#include <chrono>
#include <string>

#include "engine/clock.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/store/schedule_store.hpp"
#include "jobs/job.hpp"

namespace jiaohe::jobs {

class ScanTakeover final : public Job {
 public:
  // `clock` stamps what happens (tasks opened, the records' ends).
  ScanTakeover(const std::string& url, engine::scan::ScanAndOpenTasks scan, const engine::Clock& clock,
               std::chrono::seconds lease = engine::scan::kDefaultLease);
  std::string name() const override { return "scan_takeover"; }
  // `now` is not used for leases: they run on every machine's real time (engine/scan/scanner.cpp).
  void run_once(engine::Instant now) override;

  // What the last run_once did (tests).
  int taken_over() const { return taken_over_; }
  int failed() const { return failed_; }

 private:
  std::string url_;
  engine::scan::ScanAndOpenTasks scan_;
  const engine::Clock& clock_;
  std::chrono::seconds lease_;
  engine::store::ScheduleStore schedule_;
  int taken_over_ = 0, failed_ = 0;
};

}  // namespace jiaohe::jobs
