#pragma once
// A scan followed by what the workflow does next: close the loop on earlier answers and open
// verify_finding tasks for new findings. `jiaohe scan` and the scheduled scan of `serve` both
// run this one path, so a nightly scan opens tasks exactly as a manual one does.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"
#include "engine/scan/scan_types.hpp"
#include "engine/tasks/workflow_setup.hpp"
#include "rules/rule.hpp"

namespace jiaohe::engine::scan {

struct ScanOutcome {
  ScanSummary summary;
  std::vector<std::int64_t> opened_tasks;
};

class ScanAndOpenTasks {
 public:
  ScanAndOpenTasks(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack,
                   tasks::WorkflowSetup setup);
  // Runs the scan of `request`; the tasks are opened at clock.now() once the scan is done.
  // A scan that fails throws (ScanError or a database error) and opens nothing.
  ScanOutcome run(const ScanRequest& request, ScanObserver& observer, const Clock& clock) const;
  // The same for a scan taken over from a coordinator that went away (Scanner::resume).
  ScanOutcome resume(std::int64_t scan_id, const ScanRequest& request, ScanObserver& observer,
                     const Clock& clock) const;

 private:
  ScanOutcome open_tasks(ScanSummary summary, ScanObserver& observer, const Clock& clock) const;

  std::string url_;
  const catalog::Catalogue& catalogue_;
  const rules::RulePack& pack_;
  tasks::WorkflowSetup setup_;
};

}  // namespace jiaohe::engine::scan
