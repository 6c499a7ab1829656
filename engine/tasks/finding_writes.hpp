#pragma once
// What the loop after a scan reads and writes of findings and their tasks, inside the unit of
// work (engine/tasks/unit_of_work.hpp). Row I/O only; engine/tasks/finding_loop decides.
#include <cstdint>
#include <string>
#include <vector>

namespace jiaohe::engine::tasks {

// A finding of a task as a scan left it.
struct FindingState {
  std::int64_t id = 0;
  std::string status;         // open, accepted, resolved
  bool seen = false;          // this scan found it
  bool resolved_now = false;  // this scan resolved it
};

// Open findings without a live task, of one agency, dataset and rule.
struct UntaskedFindings {
  std::string agency_code, dataset_id, rule_id;
  std::vector<std::int64_t> finding_ids;
};

class FindingWrites {
 public:
  virtual ~FindingWrites() = default;
  // Serialises the loops after scans (held until the unit ends).
  virtual void lock_finding_tasks() = 0;
  // Findings a scan re-opened over a confirmed-accurate answer: kept accepted while the value is
  // the one confirmed (returns how many) ...
  virtual int keep_accepted() = 0;
  // ... and the others' acceptance lifted, so they get a new task (returns how many).
  virtual int lift_acceptance() = 0;
  // Rejected or corrected findings that have since resolved start afresh if they come back.
  virtual void forget_resolved_answers() = 0;
  // Live verify_finding tasks that have findings, by id.
  virtual std::vector<std::int64_t> live_finding_tasks() = 0;
  virtual std::vector<FindingState> finding_states(std::int64_t task_id, std::int64_t scan_id) = 0;
  // The outcome of some (or all) of a task's findings.
  virtual void set_outcome(std::int64_t task_id, const std::vector<std::int64_t>& finding_ids,
                           const std::string& outcome) = 0;
  virtual void set_all_outcomes(std::int64_t task_id, const std::string& outcome) = 0;
  virtual void clear_finding_answers(const std::vector<std::int64_t>& finding_ids) = 0;
  virtual std::vector<UntaskedFindings> untasked_findings() = 0;
  // Links findings to their new task and flags their records while it runs.
  virtual void link_findings(std::int64_t task_id, const std::vector<std::int64_t>& finding_ids) = 0;
  virtual void flag_findings(std::int64_t task_id, const std::vector<std::int64_t>& finding_ids) = 0;
  // The agency's answer on every finding of the task (confirmed accurate also accepts them).
  virtual void record_finding_answer(std::int64_t task_id, const std::string& answer) = 0;
};

}  // namespace jiaohe::engine::tasks
