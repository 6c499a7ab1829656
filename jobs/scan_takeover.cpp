#include "jobs/scan_takeover.hpp"

#include "engine/scan/orphan_scans.hpp"

namespace jiaohe::jobs {

ScanTakeover::ScanTakeover(const std::string& url, engine::scan::ScanAndOpenTasks scan, const engine::Clock& clock,
                           std::chrono::seconds lease)
    : url_(url), scan_(std::move(scan)), clock_(clock), lease_(lease), schedule_(url) {}

void ScanTakeover::run_once(engine::Instant) {
  const auto report = engine::scan::settle_orphaned_scans(url_, scan_, clock_, lease_);
  // A scheduled scan's cron slot ends as its scan did.
  for (const auto& f : report.finished) schedule_.scan_succeeded(f.scan_id, f.tasks_opened, clock_.now());
  for (const auto& f : report.failed_resumes) schedule_.scan_failed(f.scan_id, f.error, clock_.now());
  taken_over_ = static_cast<int>(report.finished.size());
  failed_ = static_cast<int>(report.failed.size());
}

}  // namespace jiaohe::jobs
