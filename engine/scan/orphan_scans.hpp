#pragma once
// What a survivor does with the running scans whose coordinator's lease ran out (the process
// died or lost the database; docs/SCALE.md): a scheduled scan is taken over and finished here
// (its units not yet staged, the merge, its tasks), so the night still gets its scan; a scan
// started by hand or through the API is marked failed, its staged lines dropped (nobody waits
// for its answer; it can be started again). Several survivors may look at once: the leases
// decide which one takes a scan over. Leases run on real time, whatever clock stamps the rest.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"

namespace jiaohe::engine::scan {

struct OrphanReport {
  struct Finished {
    std::int64_t scan_id;
    std::int64_t tasks_opened;
  };
  struct Failed {
    std::int64_t scan_id;
    std::string error;
  };
  std::vector<Finished> finished;        // taken over and succeeded
  std::vector<Failed> failed_resumes;    // taken over here and failed
  std::vector<std::int64_t> failed;      // not scheduled: marked failed
};

// Settles every orphaned scan found now. `clock` stamps tasks and the records' ends.
OrphanReport settle_orphaned_scans(const std::string& url, const ScanAndOpenTasks& scan, const Clock& clock,
                                   std::chrono::seconds lease = kDefaultLease);

}  // namespace jiaohe::engine::scan
