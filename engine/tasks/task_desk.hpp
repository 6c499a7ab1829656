#pragma once
// An agency at its desk: starting a task, asking for an extension and the approver's decision
// on it, and the one entry for answering a task of any kind. The answer policy (which answers
// each kind takes, which needs no reason) and the extension's approver rule (the profile names
// who decides) live here, so every caller applies the same ones.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/auth/caller.hpp"
#include "engine/clock.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/store/workflow_tx.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::tasks {

// What a kind's answer may be, and the one answer that needs no reason (a correction speaks
// for itself); empty: every answer needs one.
struct AnswerPolicy {
  TaskKind kind;
  std::vector<std::string> accepted;
  std::string without_reason;
};
// The policies of the kinds answered with {"answer", "reason"}; forward_dispute is forwarded,
// not answered.
const std::vector<AnswerPolicy>& answer_policies();

// Who decides the extension of a task: the profile's approver for its procedure.
struct ExtensionApprover {
  statute::ExtensionPolicy policy;
  std::optional<ActorRole> role;  // the approver as an actor role, when the profile names a known one
  bool agency_approves = false;   // the assignee's head (agency tokens of the assignee speak for it)
};
// engine::Error(kConflict) when the task's procedure allows no extension.
ExtensionApprover extension_approver(const statute::StatuteProfile& profile, const Task& task);
// Why `caller` may not decide the pending extension of `task` (for the 403), or nullopt when it
// may: an agency_head approver is a token naming a head of the task's agency, an authority
// approver an authority token; never the token or person that asked for the extension.
std::optional<std::string> refusal_to_decide(const ExtensionApprover& approver, const auth::Caller& caller,
                                             const Task& task);

class TaskDesk {
 public:
  TaskDesk(std::string url, WorkflowSetup setup);

  // Answers `task` (as read, of any kind) by its policy: engine::Error(kConflict) for a kind
  // that is not answered this way, kInvalidInput naming /answer or /reason for an answer the
  // kind does not take or a missing reason. Then the kind's own answer: the finding loop's,
  // the rectification's or the dispute desk's. Returns the task after it.
  Task answer(const Task& task, const std::string& answer, const std::string& reason, const Actor& actor, Instant now);

  Task start(std::int64_t task_id, const Actor& actor, Instant now);
  // Assigns the task to `staff_id` of its assignee's staff register (again: reassigns), by the
  // assignee; engine::Error(kInvalidInput) naming /staff_id for no such member of that unit.
  Task assign(std::int64_t task_id, const std::string& staff_id, const Actor& actor, Instant now);
  // A comment (an event "comment" with the text as its reason), by the assignee or the authority;
  // kInvalidInput naming /text when it is empty. Returns the comment as its event reads.
  TaskEvent comment(std::int64_t task_id, const std::string& text, const Actor& actor, Instant now);
  // Asks for the procedure's extension (`amount` nullopt: what the profile allows); `actor` is
  // kept as the requester, who may not decide it. kInvalidInput naming /reason when it is empty
  // and /amount when it is below 1 or beyond the profile's maximum.
  Task request_extension(std::int64_t task_id, std::optional<std::int64_t> amount, const std::string& reason,
                         const Actor& actor, Instant now);
  // The approver's decision; an approval moves the deadline (counted again from receipt).
  Task decide_extension(std::int64_t task_id, bool approve, const std::string& reason, const Actor& approver,
                        Instant now);
  // The decision as the API's `caller` sends it, after refusal_to_decide let it: recorded as the
  // profile's approver role under the person's name; kInvalidInput naming /reason when empty,
  // /approver_name when given and not the registered name of the deciding person, or missing
  // for a token that names no person.
  Task decide_extension(const Task& task, const ExtensionApprover& approver, const Actor& caller, bool approve,
                        const std::string& reason, const std::optional<std::string>& approver_name, Instant now);

 private:
  store::WorkflowDb db_;
};

}  // namespace jiaohe::engine::tasks
