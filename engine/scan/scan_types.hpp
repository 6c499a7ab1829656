#pragma once
// What a scan is asked to do, what it reports while it runs, and what it found.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/clock.hpp"

namespace jiaohe::engine::scan {

enum class ScanMode { kFull, kIncremental };

// Who started a scan: `jiaohe scan`, the HTTP API, or the schedule of `serve`. A scheduled scan
// whose coordinator died is taken over by a survivor; the others are marked failed.
enum class ScanOrigin { kManual, kApi, kSchedule };
inline const char* origin_name(ScanOrigin origin) {
  switch (origin) {
    case ScanOrigin::kApi: return "api";
    case ScanOrigin::kSchedule: return "schedule";
    case ScanOrigin::kManual: break;
  }
  return "manual";
}

// How long a lease (a scan's, a unit's) lasts without renewal; it is renewed every third.
inline constexpr std::chrono::seconds kDefaultLease{30};

struct ScanRequest {
  ScanMode mode = ScanMode::kFull;
  std::vector<std::string> datasets;  // empty: every dataset of the catalogue
  bool wait_for_lock = false;         // another scan holds a dataset: wait (true) or refuse
  Instant now;                        // the scan's instant (staleness, future dates)
  // Read once more when the scan ends, for its finished_at; none: it finishes at `now`.
  const Clock* clock = nullptr;
  ScanOrigin origin = ScanOrigin::kManual;
  // Workers in this process doing the scan's units (0: only other processes' `jiaohe worker`).
  int workers = 1;
  std::chrono::seconds lease = kDefaultLease;
};

struct DatasetSummary {
  std::string dataset_id;
  std::int64_t rows_read = 0;       // by the row pass
  std::int64_t rows_total = 0;      // in the table
  std::map<std::string, std::int64_t> open_by_rule;  // open findings after the scan
};

struct ScanSummary {
  std::int64_t scan_id = 0;
  ScanMode mode = ScanMode::kFull;
  std::vector<DatasetSummary> datasets;
  std::int64_t findings_new = 0;
  std::int64_t findings_seen = 0;
  std::int64_t findings_resolved = 0;
  std::int64_t findings_reopened = 0;
  double seconds = 0;
};

// What a scan is about to do, told before it reads a row: the datasets it reads with the rows
// each probably has (0: unknown), and how many set rule runs follow.
struct ScanOutline {
  std::vector<std::pair<std::string, std::int64_t>> datasets;  // dataset id, estimated rows
  int set_rule_runs = 0;
};

// The phases a scan goes through after reading, in order (phase()'s argument).
inline constexpr const char* kPhaseSetRules = "set rules";
inline constexpr const char* kPhaseMerge = "merging findings";
inline constexpr const char* kPhaseTasks = "opening tasks";

// Progress of a running scan, for a terminal line or log lines.
class ScanObserver {
 public:
  virtual ~ScanObserver() = default;
  // The scan's record is committed (it can be followed by id from now on).
  virtual void scan_started(std::int64_t /*scan_id*/) {}
  virtual void planned(const ScanOutline& /*outline*/) {}
  virtual void dataset_started(const std::string& /*dataset*/, std::int64_t /*estimated_rows*/) {}
  virtual void rows_read(const std::string& /*dataset*/, std::int64_t /*rows*/) {}
  // The dataset's rows are read; what they gave is being written (see kPhaseStoring).
  virtual void dataset_storing(const std::string& /*dataset*/) {}
  virtual void dataset_finished(const std::string& /*dataset*/, std::int64_t /*rows*/) {}
  virtual void phase(const std::string& /*what*/) {}
  // One set rule run starts: the rule, and the dataset it runs on ("" for all of them).
  virtual void set_rule_started(const std::string& /*rule_id*/, const std::string& /*dataset*/) {}
};

// A scan could not run (lock held, bad table); the message says what to do.
struct ScanError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Another scan holds one of the datasets: a retry once it has ended may succeed.
struct ScanBusy : ScanError {
  ScanBusy(const std::string& message, std::string busy_dataset)
      : ScanError(message), dataset(std::move(busy_dataset)) {}
  std::string dataset;
};

}  // namespace jiaohe::engine::scan
