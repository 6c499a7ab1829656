#include "engine/tasks/workflow_setup.hpp"

#include "engine/error.hpp"
#include "engine/tasks/task_types.hpp"

namespace jiaohe::engine::tasks {

std::map<std::string, deadlines::TimeLimit> rule_limits(const rules::RulePack& pack) {
  std::map<std::string, deadlines::TimeLimit> out;
  for (const auto& rule : pack.rules) {
    if (rule.deadline.amount <= 0) continue;  // the profile's default applies
    const auto unit = deadlines::parse_unit(rule.deadline.unit);
    if (!unit)
      throw Error(ErrorCode::kInvalidInput, "rule " + rule.id + ": deadline unit '" + rule.deadline.unit + "' is unknown");
    out[rule.id] = deadlines::TimeLimit{rule.deadline.amount, *unit};
  }
  return out;
}

statute::StatuteProfile load_workflow_profile(const std::string& file) {
  auto profile = statute::load_statute_profile(file);
  std::string missing;
  for (const auto kind : {TaskKind::kVerifyFinding, TaskKind::kVerifyDispute, TaskKind::kForwardDispute,
                          TaskKind::kVerifyWithdrawal, TaskKind::kReview, TaskKind::kRectify})
    if (!profile.procedures.count(kind_name(kind))) missing += (missing.empty() ? "" : ", ") + kind_name(kind);
  if (!missing.empty())
    throw Error(ErrorCode::kInvalidInput, file + ": the profile lacks procedure(s) the workflow drives: " + missing);
  return profile;
}

}  // namespace jiaohe::engine::tasks
