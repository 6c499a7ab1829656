#include "engine/tasks/task_state_machine.hpp"

#include <algorithm>

#include "engine/error.hpp"

namespace jiaohe::engine::tasks {
namespace {

using S = TaskStatus;
using A = TaskAction;

[[noreturn]] void conflict(const std::string& message) { throw Error(ErrorCode::kConflict, message); }
[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::kInvalidInput, message); }
// A wrong requested amount names the request's field, so every caller can point at it.
[[noreturn]] void invalid_amount(const std::string& message) {
  throw Error({{"/amount", message, ""}});
}

bool is_assignee(const Actor& actor, const TransitionContext& c) {
  if (c.assignee == "authority") return actor.role == ActorRole::kAuthority;
  return (actor.role == ActorRole::kAgency || actor.role == ActorRole::kAgencyHead) && actor.agency == c.assignee;
}

void check_who(const Transition& t, const Actor& actor, const TransitionContext& c) {
  const std::string act = action_name(t.action);
  switch (t.who) {
    case Who::kAssignee:
      if (!is_assignee(actor, c))
        invalid(act + " is for the task's assignee (" + c.assignee + "), not " + role_name(actor.role) +
                (actor.agency.empty() ? "" : " of " + actor.agency));
      return;
    case Who::kApprover:
      if (!c.extension) conflict("the " + kind_name(c.kind) + " procedure allows no extension");
      if (role_name(actor.role) != c.extension->approver || actor.name.empty() ||
          (c.assignee != "authority" && actor.agency != c.assignee))
        invalid(act + " needs the approval of the " + c.extension->approver + " of " + c.assignee +
                " (recorded by name), as " + c.extension->article + " requires; got " + role_name(actor.role));
      if (c.extension_requester && same_actor(*c.extension_requester, ref_of(actor)))
        invalid(act + " is for the " + c.extension->approver + ", not the one who asked for the extension");
      return;
    case Who::kSystem:
      if (actor.role != ActorRole::kSystem && actor.role != ActorRole::kAuthority)
        invalid(act + " is done by the system or the authority, not " + role_name(actor.role));
      return;
    case Who::kAnyone:
      if (actor.role != ActorRole::kSystem && actor.role != ActorRole::kAuthority && !is_assignee(actor, c))
        invalid(act + " is not open to " + role_name(actor.role));
      return;
  }
}

void check_extension_request(const TransitionContext& c) {
  if (!c.extension) conflict("the " + kind_name(c.kind) + " procedure allows no extension");
  if (c.extensions > 0) conflict("the task was already extended once; a deadline is extended at most once");
  if (c.requested_extension > c.extension->amount)
    invalid_amount("an extension of " + std::to_string(c.requested_extension) + " is beyond the profile's maximum of " +
                   std::to_string(c.extension->amount) + " (" + c.extension->article + ")");
  if (c.requested_extension < 0) invalid_amount("an extension must be positive");
}

}  // namespace

const std::vector<Transition>& transition_table() {
  // Every status that is not final.
  static const std::vector<TaskStatus> kLive = {S::kOpen,     S::kInProgress, S::kExtensionRequested,
                                                S::kAnswered, S::kReopened,   S::kVerified};
  static const std::vector<Transition> table = {
      {{S::kOpen, S::kReopened}, A::kStart, S::kInProgress, Who::kAssignee, std::nullopt},
      {{S::kOpen, S::kInProgress, S::kReopened}, A::kAnswer, S::kAnswered, Who::kAssignee, std::nullopt},
      {{S::kOpen, S::kInProgress, S::kReopened}, A::kRequestExtension, S::kExtensionRequested, Who::kAssignee,
       std::nullopt},
      {{S::kExtensionRequested}, A::kApproveExtension, S::kInProgress, Who::kApprover, std::nullopt},
      {{S::kExtensionRequested}, A::kDenyExtension, S::kInProgress, Who::kApprover, std::nullopt},
      {{S::kAnswered}, A::kVerify, S::kVerified, Who::kSystem, TaskKind::kVerifyFinding},
      {{S::kAnswered}, A::kReopen, S::kReopened, Who::kSystem, TaskKind::kVerifyFinding},
      {{S::kOpen, S::kInProgress}, A::kForward, S::kForwarded, Who::kAssignee, TaskKind::kForwardDispute},
      {{S::kAnswered, S::kVerified}, A::kClose, S::kClosed, Who::kAnyone, std::nullopt},
      {{S::kOpen, S::kInProgress, S::kExtensionRequested, S::kReopened}, A::kResolveAtSource, S::kClosed,
       Who::kSystem, TaskKind::kVerifyFinding},
      {kLive, A::kAssign, std::nullopt, Who::kAssignee, std::nullopt},
      {kLive, A::kComment, std::nullopt, Who::kAnyone, std::nullopt},
  };
  return table;
}

TaskStatus next_status(TaskStatus from, TaskAction action, const Actor& actor, const TransitionContext& context) {
  const std::string what = action_name(action) + " a " + kind_name(context.kind) + " task";
  if (is_final(from)) conflict("cannot " + what + ": it is " + status_name(from));
  for (const auto& t : transition_table()) {
    if (t.action != action) continue;
    if (t.only_kind && *t.only_kind != context.kind) conflict("cannot " + what + ": only " + kind_name(*t.only_kind) + " tasks allow it");
    if (std::find(t.from.begin(), t.from.end(), from) == t.from.end()) continue;
    check_who(t, actor, context);
    if (action == A::kRequestExtension) check_extension_request(context);
    return t.to.value_or(from);
  }
  conflict("cannot " + what + " while it is " + status_name(from));
}

}  // namespace jiaohe::engine::tasks
