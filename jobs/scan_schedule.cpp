#include "jobs/scan_schedule.hpp"

#include <unistd.h>

#include "engine/calendar/local_time.hpp"
#include "engine/log/log.hpp"
#include "engine/scan/progress_recorder.hpp"

namespace jiaohe::jobs {
namespace {

using engine::calendar::format_instant;
using engine::scan::ScanMode;
using What = ScheduleDecision::What;

std::string this_process() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid());
}

const char* mode_name(ScanMode mode) { return mode == ScanMode::kFull ? "full" : "incremental"; }

}  // namespace

ScanSchedule::ScanSchedule(const std::string& url, engine::scan::ScanAndOpenTasks scan, ScanScheduleOptions options,
                           const engine::Clock& clock)
    : url_(url), store_(url), scan_(std::move(scan)), options_(std::move(options)), clock_(clock) {
  if (options_.runner.empty()) options_.runner = this_process();
}

void ScanSchedule::run_once(engine::Instant now) { last_ = decide_and_run(now); }

ScanMode ScanSchedule::mode_for(engine::Instant slot) const {
  const std::chrono::weekday day(engine::calendar::local_day_of(slot));
  // Incremental scans only resolve what they re-read: a full one is needed to start from.
  return day == options_.full_scan_weekday || !store_.has_successful_full_scan() ? ScanMode::kFull
                                                                                : ScanMode::kIncremental;
}

ScheduleDecision ScanSchedule::decide_and_run(engine::Instant now) {
  if (!watching_since_) {
    watching_since_ = now;
    engine::log::info("schedule.watching", {{"cron", options_.cron.text()},
                                            {"next_slot", format_instant(options_.cron.next_after(now))}});
  }
  ScheduleDecision d;
  auto decided = [&d](What what) {
    d.what = what;
    return d;
  };
  d.slot = options_.cron.latest_at_or_before(now);
  const auto state = store_.slot_state(*d.slot);
  if (state.recorded) return decided(What::kAlreadyRun);
  // Before this process watched, a slot counts as missed only if the schedule had run before.
  if (*d.slot < *watching_since_ && !state.earlier_recorded) return decided(What::kNothingDue);

  const auto leadership = store_.try_lead();
  if (!leadership) return decided(What::kOtherLeader);
  // The leader only: anything still "running" belongs to a process that went away.
  if (const int abandoned = store_.fail_abandoned(now); abandoned > 0)
    engine::log::warn("schedule.abandoned_runs", {{"runs", abandoned}});
  d.mode = mode_for(*d.slot);
  // The record is the once-only guarantee; the lock keeps the others from starting meanwhile.
  if (!store_.begin(*d.slot, d.mode, options_.runner, now)) return decided(What::kAlreadyRun);
  const bool missed = *d.slot < *watching_since_;
  engine::log::info("schedule.scan_started", {{"slot", format_instant(*d.slot)},
                                              {"mode", mode_name(d.mode)},
                                              {"missed", missed ? "true" : "false"}});
  engine::scan::ScanRequest request;
  request.mode = d.mode;
  request.now = now;
  request.wait_for_lock = true;  // behind a manual `jiaohe scan`, not instead of it
  request.origin = engine::scan::ScanOrigin::kSchedule;  // survivors take it over if this process dies
  try {
    const auto slot = *d.slot;
    engine::scan::ProgressRecorder progress(url_, [this, slot](std::int64_t id) { store_.attach(slot, id); });
    d.outcome = scan_.run(request, progress, clock_);
  } catch (const std::exception& e) {
    store_.fail(*d.slot, e.what(), clock_.now());
    engine::log::error("schedule.scan_failed", {{"slot", format_instant(*d.slot)}, {"error", e.what()}});
    return decided(What::kFailed);
  }
  store_.succeed(*d.slot, d.outcome.summary.scan_id, static_cast<std::int64_t>(d.outcome.opened_tasks.size()),
                 clock_.now());
  engine::log::info("schedule.scan_finished", {{"slot", format_instant(*d.slot)},
                                               {"scan", d.outcome.summary.scan_id},
                                               {"tasks_opened", static_cast<std::int64_t>(d.outcome.opened_tasks.size())}});
  return decided(What::kRan);
}

}  // namespace jiaohe::jobs
