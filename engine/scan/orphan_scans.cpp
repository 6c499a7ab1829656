#include "engine/scan/orphan_scans.hpp"

#include "engine/log/log.hpp"
#include "engine/scan/progress_recorder.hpp"
#include "engine/store/unit_queue.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr const char* kCoordinatorGone = "the process coordinating this scan stopped before it finished";

}  // namespace

OrphanReport settle_orphaned_scans(const std::string& url, const ScanAndOpenTasks& scan, const Clock& clock,
                                   std::chrono::seconds lease) {
  OrphanReport report;
  store::UnitQueue queue(url);
  const SystemClock real;
  for (const auto& orphan : queue.orphaned_scans(real.now())) {
    if (orphan.origin != origin_name(ScanOrigin::kSchedule)) {
      if (queue.fail_orphan(orphan.scan_id, real.now(), kCoordinatorGone)) {
        report.failed.push_back(orphan.scan_id);
        queue.drop_ended_lines();
        log::warn("scan.orphan_failed", {{"scan", orphan.scan_id}, {"origin", orphan.origin}});
      }
      continue;
    }
    ScanRequest request;
    request.lease = lease;
    request.wait_for_lock = false;  // a dataset held by another scan: this one fails, as it must end
    ProgressRecorder progress(url);
    try {
      const auto outcome = scan.resume(orphan.scan_id, request, progress, clock);
      const auto tasks = static_cast<std::int64_t>(outcome.opened_tasks.size());
      report.finished.push_back({orphan.scan_id, tasks});
      log::info("scan.takeover_finished", {{"scan", orphan.scan_id}, {"tasks_opened", tasks}});
    } catch (const std::exception& e) {
      // Another survivor was faster (nothing to record), or the scan failed here (its record
      // says so).
      if (!progress.started()) continue;
      report.failed_resumes.push_back({orphan.scan_id, e.what()});
      log::error("scan.takeover_failed", {{"scan", orphan.scan_id}, {"error", e.what()}});
    }
  }
  return report;
}

}  // namespace jiaohe::engine::scan
