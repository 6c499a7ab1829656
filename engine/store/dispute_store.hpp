#pragma once
// Disputes (Art. 19 ¶1-2), withdrawal requests (Art. 44) and appeals: filing snapshots the
// subject's values as evidence and opens the procedure's first task; results notify the party.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/store/page.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::store {

enum class FilingChannel { kAgency, kAuthority };

struct DisputeRequest {
  std::string subject_id;   // citizen ID number or credit code; validated
  std::string dataset_id;   // empty: the party does not know
  std::string attribute;    // empty: unknown
  std::string agency_code;  // empty: the dataset's agency from the catalogue
  std::string claimed_value;
  std::string description;
  nlohmann::json notify = nlohmann::json::object();  // how to reach the party
  FilingChannel channel = FilingChannel::kAgency;
  bool withdrawal = false;             // an Art. 44 withdrawal request instead of a dispute
  bool publication_suspended = false;  // withdrawal only
};

// A dispute as its party and staff see it: where it stands, the deadline of the step that is
// running and what happened so far (the events of every task of its procedure).
struct DisputeEvent {
  Instant at{};
  std::int64_t task_id = 0;
  std::string step, action, actor_role, reason;
  bool operator==(const DisputeEvent&) const = default;
};

struct DisputeView {
  std::int64_t id = 0;
  std::string kind;  // dispute or withdrawal
  std::string subject_id, dataset_id, attribute, agency_code, channel, status, result, result_reason;
  Instant filed_at{};
  std::optional<Instant> deadline;  // due_at of the live task; none when no task runs or it is paused
  std::string current_step;         // empty when no task runs
  std::string assignee;             // who must act on the live task
  std::vector<DisputeEvent> history;
  bool operator==(const DisputeView&) const = default;
};

// Which disputes a list shows; unset members do not filter.
struct DisputeFilter {
  std::string subject_id = {};  // a citizen: its own identifier
  std::string agency = {};      // an agency: the disputes about it or whose live step it must act on
  std::string status = {};      // open, resolved, appealed, closed
  std::string kind = {};        // dispute or withdrawal
};

struct Filed {
  std::int64_t dispute_id = 0;
  std::int64_t task_id = 0;
  // The dispute as view() reads it back right after filing, known without reading it: the
  // filing's answer costs no second transaction.
  DisputeView view;
};

class GroupCommitter;

class DisputeStore {
 public:
  // With a committer, filings are committed in its batches (group commit); file() still returns
  // only once its filing is durable.
  DisputeStore(std::string url, tasks::WorkflowSetup setup, GroupCommitter* committer = nullptr);

  // Files a dispute or withdrawal: engine::Error(kInvalidInput) for an invalid identifier
  // (with the reason, never the number), a missing description or an unknown agency.
  Filed file(const DisputeRequest& request, Instant now);
  // The authority forwards a dispute filed with it; the agency's verify_dispute task is timed
  // from now. Returns the new task.
  tasks::Task forward(std::int64_t task_id, const tasks::Actor& actor, Instant now);
  // The result of a verify_dispute, verify_withdrawal or review task: closes it, records the
  // result on the dispute and notifies the party.
  tasks::Task answer(std::int64_t task_id, const std::string& result, const std::string& reason,
                     const tasks::Actor& actor, Instant now);
  // The party disagrees with the result (once): a review task for the authority.
  tasks::Task appeal(std::int64_t dispute_id, const std::string& reason, Instant now);

  std::string status(std::int64_t dispute_id) const;
  // engine::Error(kNotFound) when there is no such dispute.
  DisputeView view(std::int64_t dispute_id) const;
  // Newest first, without their history (view() has it).
  Page<DisputeView> list(const DisputeFilter& filter, const PageQuery& page) const;
  nlohmann::json evidence(std::int64_t dispute_id) const;

 private:
  std::string url_;
  tasks::WorkflowSetup setup_;
  GroupCommitter* committer_ = nullptr;
};

}  // namespace jiaohe::engine::store
