#pragma once
// The scans table as readers see it: one scan, a page of scans (newest first), and the
// progress a running scan writes as it goes. The scan itself is written by ScanStore.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/store/page.hpp"

namespace jiaohe::engine::store {

struct ScanProgress {
  std::int64_t rows_scanned = 0;  // rows read so far over all datasets
  int datasets_done = 0;          // datasets whose row pass ended
  std::string dataset;            // being read now ("" between datasets)
  std::string phase;              // "reading", "set rules", "merging findings"
};

struct ScanRecord {
  std::int64_t id = 0;
  std::string mode, status;  // status: running, succeeded, failed
  Instant started_at;
  std::optional<Instant> finished_at;
  std::vector<std::string> datasets;
  std::string pack, pack_version;
  ScanProgress progress;
  std::int64_t rows_scanned = 0;  // set when the scan succeeded
  std::int64_t findings_new = 0, findings_seen = 0, findings_resolved = 0, findings_reopened = 0;
  std::string error;  // failed scans: what went wrong
};

// Overwrites the scan's progress, in a statement of its own (autocommit): readers see it at once.
void record_scan_progress(const std::string& url, std::int64_t scan_id, const ScanProgress& progress);

// Scans still recorded as running whose datasets no session has locked any more: the process
// that ran them ended without recording how (killed, crashed). Marks them failed at `now` and
// returns their ids. A live scan holds its datasets' locks until its record says how it ended,
// so it is never taken for abandoned. Scheduled scans are not: survivors take them over and
// finish them (jobs/scan_takeover.hpp).
std::vector<std::int64_t> fail_abandoned_scans(const std::string& url, Instant now);

std::optional<ScanRecord> find_scan(const std::string& url, std::int64_t id);
Page<ScanRecord> list_scans(const std::string& url, const PageQuery& page);

}  // namespace jiaohe::engine::store
