#pragma once
// Tasks in PostgreSQL: opening verify_finding tasks after a scan and closing the loop on the
// next one, answers, extensions, and the queries of tasks, events and verification flags.
// Every change is one transaction holding the change, its event and its notifications.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::store {

enum class FindingAnswer { kCorrected, kConfirmedAccurate, kRejected };

struct ReconcileCounts {
  int verified = 0, not_effective = 0, resolved_at_source = 0, accepted_kept = 0, acceptance_lifted = 0;
};

class TaskStore {
 public:
  TaskStore(std::string url, tasks::WorkflowSetup setup);

  // After a scan: closes the loop on tasks whose findings the scan checked (corrections
  // verified or not effective, findings gone without an answer resolved at source, accepted
  // findings kept unless their value changed), then groups open findings that have no live
  // task into one verify_finding task per agency, dataset and rule. Returns the new task ids.
  // Idempotent: running it twice for a scan opens nothing the second time.
  std::vector<std::int64_t> open_finding_tasks(std::int64_t scan_id, Instant now);
  // The closed-loop part alone (open_finding_tasks runs it first).
  ReconcileCounts reconcile_findings(std::int64_t scan_id, Instant now);

  // An agency's answer to a finding task; confirmed accurate and rejected need a reason.
  tasks::Task answer_findings(std::int64_t task_id, FindingAnswer answer, const std::string& reason,
                              const tasks::Actor& actor, Instant now);
  // The agency reports a rectification order (Art. 47) carried out: only once the overdue task
  // it was ordered for has been answered (kConflict before), then closed with the reason and
  // the authority notified.
  tasks::Task answer_rectification(std::int64_t task_id, const std::string& reason, const tasks::Actor& actor,
                                   Instant now);
  tasks::Task start(std::int64_t task_id, const tasks::Actor& actor, Instant now);
  // Asks for the procedure's extension (`amount` 0: what the profile allows).
  tasks::Task request_extension(std::int64_t task_id, std::int64_t amount, const std::string& reason,
                                const tasks::Actor& actor, Instant now);
  // The approver's decision; an approval moves the deadline (counted again from receipt).
  tasks::Task decide_extension(std::int64_t task_id, bool approve, const std::string& reason,
                               const tasks::Actor& approver, Instant now);

  tasks::Task task(std::int64_t task_id) const;
  std::vector<tasks::TaskEvent> events(std::int64_t task_id) const;
  std::vector<std::int64_t> finding_ids(std::int64_t task_id) const;
  // Live 异议标注 flags of a subject, or of one record.
  std::vector<tasks::VerificationFlag> flags_for_subject(const std::string& subject_id) const;
  std::vector<tasks::VerificationFlag> flags_for_record(const std::string& dataset_id, const std::string& record_key) const;

 private:
  std::string url_;
  tasks::WorkflowSetup setup_;
};

std::string answer_name(FindingAnswer answer);

}  // namespace jiaohe::engine::store
