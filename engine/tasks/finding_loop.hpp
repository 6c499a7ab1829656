#pragma once
// The loop after a scan: closing it on tasks whose findings the scan checked (corrections
// verified or not effective, findings gone without an answer resolved at source, accepted
// findings kept unless their value changed), opening one verify_finding task per agency,
// dataset and rule for open findings without one, and the agency's answers to those tasks and
// to the rectification orders (Art. 47) an overdue task brings. Each call is one unit of work.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/store/workflow_tx.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::tasks {

enum class FindingAnswer { kCorrected, kConfirmedAccurate, kRejected };
std::string answer_name(FindingAnswer answer);

struct ReconcileCounts {
  int verified = 0, not_effective = 0, resolved_at_source = 0, accepted_kept = 0, acceptance_lifted = 0;
};

class FindingLoop {
 public:
  FindingLoop(std::string url, WorkflowSetup setup);

  // Closes the loop (reconcile_findings), then groups open findings that have no live task
  // into one verify_finding task per agency, dataset and rule. Returns the new task ids.
  // Idempotent: running it twice for a scan opens nothing the second time.
  std::vector<std::int64_t> open_finding_tasks(std::int64_t scan_id, Instant now);
  // The closed-loop part alone.
  ReconcileCounts reconcile_findings(std::int64_t scan_id, Instant now);

  // An agency's answer to a finding task; confirmed accurate and rejected need a reason.
  Task answer_findings(std::int64_t task_id, FindingAnswer answer, const std::string& reason, const Actor& actor,
                       Instant now);
  // The agency reports a rectification order (Art. 47) carried out: only once the overdue task
  // it was ordered for has been answered (kConflict before), then closed with the reason and
  // the authority notified.
  Task answer_rectification(std::int64_t task_id, const std::string& reason, const Actor& actor, Instant now);

 private:
  store::WorkflowDb db_;
};

}  // namespace jiaohe::engine::tasks
