#pragma once
// The scheduled scan inside `jiaohe serve` (docs/SCHEDULE.md). Each cron slot (a fire time in
// Asia/Shanghai) is scanned once across every serve process on the database: the process that
// takes the schedule's advisory lock records the slot and runs the scan, the others see the
// lock or the record and do nothing. Only the latest slot at or before now counts, so a
// process starting after slots passed while all were down runs the latest one once; a fresh
// database (no slot recorded yet) starts with the first slot after the process started.
#include <optional>
#include <string>

#include "engine/calendar/cron_expression.hpp"
#include "engine/clock.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/store/schedule_store.hpp"
#include "jobs/job.hpp"

namespace jiaohe::jobs {

struct ScanScheduleOptions {
  engine::calendar::CronExpression cron;
  std::chrono::weekday full_scan_weekday = std::chrono::Sunday;  // of the slot's local date
  std::string runner;  // names this process in the record; empty: host:pid
};

// What one run_once decided (for logs and tests).
struct ScheduleDecision {
  enum class What {
    kNothingDue,    // the latest slot is from before the schedule began
    kAlreadyRun,    // the latest slot was started by this or another process
    kOtherLeader,   // another process holds the schedule's lock (and is running it)
    kRan,           // this process ran the slot's scan
    kFailed,        // this process started the slot and the scan failed (recorded, not retried)
  };
  What what = What::kNothingDue;
  std::optional<engine::Instant> slot;
  engine::scan::ScanMode mode = engine::scan::ScanMode::kIncremental;
  engine::scan::ScanOutcome outcome;  // kRan only
};

class ScanSchedule final : public Job {
 public:
  // `clock` stamps what happens after the scan (tasks opened, the record's end).
  ScanSchedule(const std::string& url, engine::scan::ScanAndOpenTasks scan, ScanScheduleOptions options,
               const engine::Clock& clock);
  std::string name() const override { return "scheduled_scan"; }
  void run_once(engine::Instant now) override;
  const ScheduleDecision& last() const { return last_; }

 private:
  ScheduleDecision decide_and_run(engine::Instant now);
  engine::scan::ScanMode mode_for(engine::Instant slot) const;

  std::string url_;
  engine::store::ScheduleStore store_;
  engine::scan::ScanAndOpenTasks scan_;
  ScanScheduleOptions options_;
  const engine::Clock& clock_;
  std::optional<engine::Instant> watching_since_;  // the first run_once of this process
  ScheduleDecision last_;
};

}  // namespace jiaohe::jobs
