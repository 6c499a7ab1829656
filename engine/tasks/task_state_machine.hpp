#pragma once
// The one table of allowed task transitions and the one place that checks them. Pure: the
// store loads the task, asks here, and writes the new status with its event.
//
//   open/in_progress/reopened --answer--> answered --verify--> verified --close--> closed
//                                          answered --reopen--> reopened (correction not effective)
//   open/in_progress/reopened --request_extension--> extension_requested --approve/deny--> in_progress
//   open/in_progress --forward--> forwarded (forward_dispute only)
//   any status but closed/forwarded --assign, comment--> the same status
// See docs/WORKFLOW.md for the whole diagram.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/statute/statute_profile.hpp"
#include "engine/tasks/task_types.hpp"

namespace jiaohe::engine::tasks {

// Who may take an action, relative to the task.
enum class Who {
  kAssignee,  // the task's agency (its staff or head), or the authority for the authority's tasks
  kApprover,  // the role the profile names as the extension's approver, with a name recorded,
              // and not the one who asked for the extension
  kSystem,    // scans and the sweeper (the authority may do the same by hand)
  kAnyone,    // the assignee, the authority or the system
};

struct Transition {
  std::vector<TaskStatus> from;
  TaskAction action;
  std::optional<TaskStatus> to;  // none: the status stays
  Who who;
  std::optional<TaskKind> only_kind;  // the action exists only for this kind
};

// The table itself (for docs and tests).
const std::vector<Transition>& transition_table();

// What a guard needs to know about the task besides its status.
struct TransitionContext {
  TaskKind kind = TaskKind::kVerifyFinding;
  std::string assignee;  // agency code or "authority"
  int extensions = 0;    // extensions requested so far (granted or denied)
  std::optional<statute::ExtensionPolicy> extension;  // the procedure's, if it allows one
  std::int64_t requested_extension = 0;  // the amount asked for; 0 = what the profile allows
  std::optional<ActorRef> extension_requester;  // who asked for the pending extension
};

// The status after `action`, or engine::Error: kConflict when the state does not allow it
// (answering a closed task, extending twice), kInvalidInput when the actor or the request is
// wrong (not the assignee, not the approver the profile requires, the approver being the one
// who asked, beyond the maximum).
TaskStatus next_status(TaskStatus from, TaskAction action, const Actor& actor, const TransitionContext& context);

}  // namespace jiaohe::engine::tasks
