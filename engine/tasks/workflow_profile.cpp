#include "engine/tasks/workflow_profile.hpp"

#include "engine/error.hpp"
#include "engine/tasks/task_types.hpp"

namespace jiaohe::engine::tasks {

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
