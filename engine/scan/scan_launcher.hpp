#pragma once
// Scans started by the HTTP API. Each runs on a thread of its own, so no request waits for a
// scan (they take minutes); the caller gets the scan's id as soon as its record is committed.
// While it runs the scan writes its progress to its row (each dataset and phase, and at most
// once a second within a dataset); when it succeeds, its new findings become verify_finding
// tasks exactly as after `jiaohe scan` (the same ScanAndOpenTasks path). No scan thread outlives the launcher: stop() (and the
// destructor) asks running scans to stop at their next dataset or phase and joins them.
#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/scan/scan_types.hpp"

namespace jiaohe::engine::scan {

class ScanLauncher {
 public:
  // `scan` is the path every scan takes (tasks opened at clock.now() after it).
  ScanLauncher(std::string database_url, ScanAndOpenTasks scan, const Clock& clock);
  ~ScanLauncher();
  ScanLauncher(const ScanLauncher&) = delete;
  ScanLauncher& operator=(const ScanLauncher&) = delete;

  // Starts a scan of `datasets` (empty: all) and returns its id once its record is committed.
  // Throws ScanBusy when another scan holds one of the datasets, ScanError for an unknown
  // dataset, and engine::Error(kUnavailable) once stop() was called.
  std::int64_t start(ScanMode mode, const std::vector<std::string>& datasets);

  // Blocks until every scan started so far has ended (tests; shutdown).
  void wait_idle();

  // Refuses new scans and asks running ones to stop at their next dataset or phase (they are
  // recorded as failed, findings unchanged); does not wait.
  void request_stop();
  // request_stop(), then joins every scan.
  void stop();

 private:
  struct Run;
  void run(Run& run, const ScanRequest& request);

  std::string url_;
  ScanAndOpenTasks scan_;
  const Clock& clock_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::list<std::unique_ptr<Run>> runs_;  // started and not yet joined
};

}  // namespace jiaohe::engine::scan
