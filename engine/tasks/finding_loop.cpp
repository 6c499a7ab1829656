#include "engine/tasks/finding_loop.hpp"

#include "engine/error.hpp"
#include "engine/tasks/exposure_suspension.hpp"
#include "engine/tasks/task_flow.hpp"
#include "engine/tasks/unit_of_work.hpp"

namespace jiaohe::engine::tasks {
namespace {

constexpr const char* kNotEffective = "correction_not_effective";

const Actor kScanActor = system_actor("scan");

// One task's findings as this scan saw them.
struct FindingSummary {
  std::vector<std::int64_t> seen_open, resolved;
  std::size_t total = 0;
};

// `act` for the moves that can make a finding task final: every one passes here, so the
// dataset's publication follows its last open exposure task (Art. 44 para. 3).
Task finish(UnitOfWork& u, const Task& task, TaskAction action, const Actor& actor, const std::string& reason,
            const std::function<void(Task&)>& change = {}) {
  Task after = act(u, task, action, actor, reason, change);
  if (is_final(after.status)) resume_after_exposure(u, after, actor);
  return after;
}

FindingSummary summarise(const std::vector<FindingState>& states) {
  FindingSummary s;
  for (const auto& f : states) {
    ++s.total;
    if (f.status == "open" && f.seen) s.seen_open.push_back(f.id);
    if (f.status == "resolved") s.resolved.push_back(f.id);
  }
  return s;
}

void reconcile_task(UnitOfWork& u, std::int64_t task_id, std::int64_t scan_id, ReconcileCounts& counts) {
  Task task = u.load_task(task_id);
  const auto s = summarise(u.finding_states(task_id, scan_id));
  if (task.status == TaskStatus::kAnswered) {
    if (!s.seen_open.empty()) {  // the defect was found again: the correction did not take
      u.set_outcome(task_id, s.seen_open, "not_effective");
      u.clear_finding_answers(s.seen_open);
      act(u, task, TaskAction::kReopen, kScanActor,
          "scan " + std::to_string(scan_id) + " found " + std::to_string(s.seen_open.size()) +
              " corrected finding(s) again: correction not effective",
          [](Task& a) {
            if (!a.has_flag(kNotEffective)) a.flags.push_back(kNotEffective);
            a.resolution.clear();
          });
      ++counts.not_effective;
    } else if (s.resolved.size() == s.total) {
      u.set_outcome(task_id, s.resolved, "verified");
      const auto verified =
          act(u, task, TaskAction::kVerify, kScanActor, "scan " + std::to_string(scan_id) + " no longer finds the defects");
      finish(u, verified, TaskAction::kClose, kScanActor, "correction verified");
      ++counts.verified;
    }
    return;
  }
  if (task.status == TaskStatus::kVerified || s.total == 0 || s.resolved.size() != s.total) return;
  // Every finding disappeared before the agency answered.
  u.set_all_outcomes(task_id, "resolved_at_source");
  finish(u, task, TaskAction::kResolveAtSource, kScanActor,
      "scan " + std::to_string(scan_id) + " no longer finds the defects; no answer was given",
      [](Task& a) { a.resolution = "resolved_at_source"; });
  ++counts.resolved_at_source;
}

ReconcileCounts reconcile_in(UnitOfWork& u, std::int64_t scan_id) {
  ReconcileCounts counts;
  u.lock_finding_tasks();
  counts.accepted_kept = u.keep_accepted();
  counts.acceptance_lifted = u.lift_acceptance();
  for (const auto id : u.live_finding_tasks()) reconcile_task(u, id, scan_id, counts);
  u.forget_resolved_answers();
  return counts;
}

}  // namespace

std::string answer_name(FindingAnswer answer) {
  switch (answer) {
    case FindingAnswer::kCorrected: return "corrected";
    case FindingAnswer::kConfirmedAccurate: return "confirmed_accurate";
    case FindingAnswer::kRejected: return "rejected";
  }
  return "unknown";
}

FindingLoop::FindingLoop(std::string url, WorkflowSetup setup) : db_{std::move(url), std::move(setup)} {}

ReconcileCounts FindingLoop::reconcile_findings(std::int64_t scan_id, Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) { return reconcile_in(u, scan_id); });
}

std::vector<std::int64_t> FindingLoop::open_finding_tasks(std::int64_t scan_id, Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    reconcile_in(u, scan_id);
    std::vector<std::int64_t> opened;
    const auto& limits = u.setup().rule_limits;
    for (const auto& group : u.untasked_findings()) {
      Task task;
      task.kind = TaskKind::kVerifyFinding;
      task.assignee = group.agency_code;
      task.dataset_id = group.dataset_id;
      task.rule_id = group.rule_id;
      task.scan_id = scan_id;
      const auto limit = limits.find(task.rule_id);
      task = open_task(u, task, kScanActor,
                       "scan " + std::to_string(scan_id) + ": " + std::to_string(group.finding_ids.size()) +
                           " finding(s) of rule " + task.rule_id + " in " + task.dataset_id,
                       limit == limits.end() ? std::nullopt : std::optional(limit->second));
      u.link_findings(task.id, group.finding_ids);
      u.flag_findings(task.id, group.finding_ids);
      announce_flags(u, task, kScanActor);
      suspend_for_exposure(u, task, kScanActor);
      opened.push_back(task.id);
    }
    return opened;
  });
}

Task FindingLoop::answer_findings(std::int64_t task_id, FindingAnswer answer, const std::string& reason,
                                  const Actor& actor, Instant now) {
  if (answer != FindingAnswer::kCorrected && reason.empty())
    throw Error(ErrorCode::kInvalidInput, "answering " + answer_name(answer) + " needs a reason");
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    serialise_exposure_task(u, task_id);
    const Task task = u.load_task(task_id);
    if (task.kind != TaskKind::kVerifyFinding)
      throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " is a " + kind_name(task.kind) +
                                            " task, not a finding task");
    Task after = act(u, task, TaskAction::kAnswer, actor, reason, [&](Task& a) {
      a.resolution = answer_name(answer);
      a.resolution_reason = reason;
      a.answered_at = u.now();
    });
    u.set_all_outcomes(task_id, answer_name(answer));
    u.record_finding_answer(task_id, answer_name(answer));
    // A correction waits for the next scan; the other answers settle the task now.
    if (answer != FindingAnswer::kCorrected)
      after = finish(u, after, TaskAction::kClose, actor, "answered " + answer_name(answer));
    return after;
  });
}

Task FindingLoop::answer_rectification(std::int64_t task_id, const std::string& reason, const Actor& actor,
                                       Instant now) {
  if (reason.empty()) throw Error(ErrorCode::kInvalidInput, "reporting a rectification needs a reason: what was done");
  return store::in_unit(db_, now, [&](UnitOfWork& u) {
    const Task task = u.load_task(task_id);
    if (task.kind != TaskKind::kRectify)
      throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " is a " + kind_name(task.kind) +
                                            " task, not a rectification order");
    if (task.parent_task_id) {
      const Task overdue = u.load_task(*task.parent_task_id);
      if (!is_final(overdue.status) && overdue.status != TaskStatus::kAnswered)
        throw Error(ErrorCode::kConflict, "answer the overdue task " + std::to_string(overdue.id) +
                                              " first: the rectification is that answer");
    }
    Task after = act(u, task, TaskAction::kAnswer, actor, reason, [&](Task& a) {
      a.resolution = "rectified";
      a.resolution_reason = reason;
      a.answered_at = u.now();
    });
    after = act(u, after, TaskAction::kClose, actor, "rectification reported");
    const auto event_id =
        u.insert_event(after.id, "authority_notified", actor, nullptr, nlohmann::json{{"resolution", "rectified"}}, reason);
    notify(u, after, "result", "authority", "rectified:" + std::to_string(after.id), event_id,
           nlohmann::json{{"resolution", "rectified"}, {"reason", reason}});
    return after;
  });
}

}  // namespace jiaohe::engine::tasks
