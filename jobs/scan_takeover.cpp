#include "jobs/scan_takeover.hpp"

#include "engine/log/log.hpp"
#include "engine/scan/progress_recorder.hpp"
#include "engine/store/unit_queue.hpp"

namespace jiaohe::jobs {
namespace {

constexpr const char* kCoordinatorGone = "the process coordinating this scan stopped before it finished";

}  // namespace

ScanTakeover::ScanTakeover(const std::string& url, engine::scan::ScanAndOpenTasks scan, const engine::Clock& clock,
                           std::chrono::seconds lease)
    : url_(url), scan_(std::move(scan)), clock_(clock), lease_(lease), schedule_(url) {}

void ScanTakeover::run_once(engine::Instant) {
  taken_over_ = failed_ = 0;
  engine::store::UnitQueue queue(url_);
  const engine::SystemClock real;
  for (const auto& orphan : queue.orphaned_scans(real.now())) {
    if (orphan.origin != "schedule") {
      if (queue.fail_orphan(orphan.scan_id, real.now(), kCoordinatorGone)) {
        ++failed_;
        queue.drop_ended_lines();
        engine::log::warn("scan.orphan_failed", {{"scan", orphan.scan_id}, {"origin", orphan.origin}});
      }
      continue;
    }
    engine::scan::ScanRequest request;
    request.lease = lease_;
    request.wait_for_lock = false;  // a dataset held by another scan: this one fails, as it must end
    engine::scan::ProgressRecorder progress(url_);
    try {
      const auto outcome = scan_.resume(orphan.scan_id, request, progress, clock_);
      ++taken_over_;
      schedule_.scan_succeeded(orphan.scan_id, static_cast<std::int64_t>(outcome.opened_tasks.size()), clock_.now());
      engine::log::info("scan.takeover_finished",
                        {{"scan", orphan.scan_id}, {"tasks_opened", static_cast<std::int64_t>(outcome.opened_tasks.size())}});
    } catch (const std::exception& e) {
      // Another survivor was faster (nothing to record), or the scan failed here (its record
      // says so; the slot hears it).
      if (!progress.started()) continue;
      schedule_.scan_failed(orphan.scan_id, e.what(), clock_.now());
      engine::log::error("scan.takeover_failed", {{"scan", orphan.scan_id}, {"error", e.what()}});
    }
  }
}

}  // namespace jiaohe::jobs
