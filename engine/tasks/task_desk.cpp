#include "engine/tasks/task_desk.hpp"

#include <algorithm>

#include "engine/disputes/dispute_desk.hpp"
#include "engine/error.hpp"
#include "engine/tasks/finding_loop.hpp"
#include "engine/tasks/task_deadline.hpp"
#include "engine/tasks/task_flow.hpp"
#include "engine/tasks/task_state_machine.hpp"
#include "engine/tasks/unit_of_work.hpp"

namespace jiaohe::engine::tasks {
namespace {

FindingAnswer finding_answer(const std::string& answer) {
  if (answer == "confirmed_accurate") return FindingAnswer::kConfirmedAccurate;
  if (answer == "rejected") return FindingAnswer::kRejected;
  return FindingAnswer::kCorrected;
}

// The policy of the task's kind, or kConflict; kInvalidInput for an answer it does not take.
void check_answer(const Task& task, const std::string& answer, const std::string& reason) {
  const auto& policies = answer_policies();
  const auto kind = kind_name(task.kind);
  const auto policy =
      std::find_if(policies.begin(), policies.end(), [&](const AnswerPolicy& p) { return p.kind == task.kind; });
  if (policy == policies.end())
    throw Error(ErrorCode::kConflict,
                task.kind == TaskKind::kForwardDispute
                    ? "a forward_dispute task is forwarded (POST /v1/tasks/" + std::to_string(task.id) + "/forward), not answered"
                    : "a " + kind + " task is not answered through the API");
  if (std::find(policy->accepted.begin(), policy->accepted.end(), answer) == policy->accepted.end()) {
    std::string list;
    for (const auto& a : policy->accepted) list += (list.empty() ? "" : ", ") + a;
    throw Error({{"/answer", "a " + kind + " task is answered with one of " + list, ""}});
  }
  if (reason.empty() && answer != policy->without_reason)
    throw Error({{"/reason", "answering " + answer + " needs a reason", ""}});
}

}  // namespace

const std::vector<AnswerPolicy>& answer_policies() {
  static const std::vector<AnswerPolicy> policies = {
      {TaskKind::kVerifyFinding, {"corrected", "confirmed_accurate", "rejected"}, "corrected"},
      {TaskKind::kVerifyDispute, {"corrected", "confirmed_accurate", "rejected"}, "corrected"},
      {TaskKind::kVerifyWithdrawal, {"withdrawn", "republished", "rejected"}, "withdrawn"},
      {TaskKind::kReview, {"upheld", "overturned"}, ""},
      {TaskKind::kRectify, {"rectified"}, ""},
  };
  return policies;
}

ExtensionApprover extension_approver(const statute::StatuteProfile& profile, const Task& task) {
  const auto& policy = profile.procedure(kind_name(task.kind)).extension;
  if (!policy) throw Error(ErrorCode::kConflict, "the " + kind_name(task.kind) + " procedure allows no extension");
  ExtensionApprover a{*policy, parse_role(policy->approver), false};
  a.agency_approves = a.role == ActorRole::kAgencyHead || a.role == ActorRole::kAgency;
  return a;
}

std::optional<std::string> refusal_to_decide(const ExtensionApprover& a, const auth::Caller& caller, const Task& task) {
  const auto decided_by = "the extension of task " + std::to_string(task.id) + " is decided by the " + a.policy.approver +
                          (a.agency_approves ? " of " + task.assignee : "") + " (" + a.policy.article + ")";
  const bool role_fits =
      a.agency_approves
          ? caller.role == auth::Role::kAgency && caller.agency_code == task.assignee &&
                (a.role != ActorRole::kAgencyHead || (caller.head && !caller.staff_id.empty()))
          : a.role == ActorRole::kAuthority && caller.role == auth::Role::kAuthority;
  if (!role_fits)
    return decided_by + (a.role == ActorRole::kAgencyHead ? ": a token naming a head of the agency" : "");
  if (task.extension_requester && same_actor(*task.extension_requester, ActorRef{caller.token_id, caller.staff_id}))
    return decided_by + ", not by the one who asked for it";
  return std::nullopt;
}

TaskDesk::TaskDesk(std::string url, WorkflowSetup setup) : db_{std::move(url), std::move(setup)} {}

Task TaskDesk::answer(const Task& task, const std::string& answer, const std::string& reason, const Actor& actor,
                      Instant now) {
  check_answer(task, answer, reason);
  switch (task.kind) {
    case TaskKind::kVerifyFinding:
      return FindingLoop(db_.url, db_.setup).answer_findings(task.id, finding_answer(answer), reason, actor, now);
    case TaskKind::kRectify: return FindingLoop(db_.url, db_.setup).answer_rectification(task.id, reason, actor, now);
    default: return disputes::DisputeDesk(db_.url, db_.setup).answer(task.id, answer, reason, actor, now);
  }
}

Task TaskDesk::start(std::int64_t task_id, const Actor& actor, Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) { return act(u, u.load_task(task_id), TaskAction::kStart, actor, ""); });
}

Task TaskDesk::request_extension(std::int64_t task_id, std::optional<std::int64_t> asked, const std::string& reason,
                                 const Actor& actor, Instant now) {
  std::vector<FieldError> errors;
  if (reason.empty()) errors.push_back({"/reason", "must not be empty", ""});
  if (asked && *asked < 1) errors.push_back({"/amount", "must be at least 1", ""});
  if (!errors.empty()) throw Error(std::move(errors));
  const std::int64_t amount = asked.value_or(0);  // 0: what the profile allows
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    return act(
        u, u.load_task(task_id), TaskAction::kRequestExtension, actor, reason,
        [&](Task& a) {
          ++a.extensions;
          a.extension_asked = amount;
          a.extension_requester = ref_of(actor);
        },
        amount);
  });
}

Task TaskDesk::decide_extension(std::int64_t task_id, bool approve, const std::string& reason, const Actor& approver,
                                Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    const Task task = u.load_task(task_id);
    const auto action = approve ? TaskAction::kApproveExtension : TaskAction::kDenyExtension;
    const auto& setup = u.setup();
    return act(u, task, action, approver, reason, [&](Task& a) {
      const auto asked = a.extension_asked.value_or(0);
      a.extension_asked.reset();
      a.extension_requester.reset();
      if (!approve) return;
      const auto& policy = *setup.profile->procedure(kind_name(a.kind)).extension;
      auto basis = a.basis;
      basis.extension = deadlines::Extension{policy.form, asked > 0 ? asked : policy.amount,
                                             policy.form == deadlines::ExtensionForm::kAtMost ? policy.amount : 0};
      apply_deadline(a, replan_deadline(*setup.profile, *setup.calendar, std::move(basis)));
    });
  });
}

Task TaskDesk::decide_extension(const Task& task, const ExtensionApprover& approver, const Actor& caller, bool approve,
                                const std::string& reason, const std::optional<std::string>& approver_name,
                                Instant now) {
  std::vector<FieldError> errors;
  if (reason.empty()) errors.push_back({"/reason", "must not be empty", ""});
  // The name recorded is the register's; a name sent along must be that one.
  if (approver_name && caller.person && *approver_name != caller.person->name)
    errors.push_back({"/approver_name", "the deciding " + approver.policy.approver + " is registered as " +
                                            caller.person->name, ""});
  if (!caller.person && (!approver_name || approver_name->empty()))
    errors.push_back({"/approver_name", "the " + approver.policy.approver + "'s name must be recorded", ""});
  if (!errors.empty()) throw Error(std::move(errors));
  Actor named = caller;
  if (!caller.person) named.name = *approver_name + " (" + caller.name + ")";
  named.role = *approver.role;
  return decide_extension(task.id, approve, reason, named, now);
}

Task TaskDesk::assign(std::int64_t task_id, const std::string& staff_id, const Actor& actor, Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    const Task task = u.load_task(task_id);
    auto person = u.staff_member(task.assignee, staff_id);
    if (!person)
      throw Error({{"/staff_id", "no member " + staff_id + " in the staff register of " + task.assignee, ""}});
    return act(u, task, TaskAction::kAssign, actor, "", [&](Task& a) { a.assigned_to = std::move(person); });
  });
}

TaskEvent TaskDesk::comment(std::int64_t task_id, const std::string& text, const Actor& actor, Instant now) {
  if (text.empty()) throw Error({{"/text", "must not be empty", ""}});
  TaskEvent event{0, task_id, now, actor.name, role_name(actor.role), action_name(TaskAction::kComment), text,
                  nullptr, nullptr, actor.token_id, actor.person};
  event.id = store::in_unit(db_, now, [&](UnitOfWork& u) {
    const Task task = u.load_task(task_id);
    TransitionContext context;
    context.kind = task.kind;
    context.assignee = task.assignee;
    next_status(task.status, TaskAction::kComment, actor, context);  // who may, and not on a final task
    return u.insert_event(task.id, event.action, actor, nullptr, nullptr, text);
  });
  return event;
}

}  // namespace jiaohe::engine::tasks
