#include "engine/tasks/workflow_setup.hpp"

#include "engine/error.hpp"

namespace jiaohe::engine::tasks {

std::map<std::string, deadlines::TimeLimit> rule_limits(const rules::RulePack& pack,
                                                        const statute::StatuteProfile& profile) {
  std::map<std::string, deadlines::TimeLimit> out;
  for (const auto& rule : pack.rules) {
    const auto unit = deadlines::parse_unit(rule.deadline.unit);
    if (unit == deadlines::TimeUnit::kImmediately) {
      out[rule.id] = deadlines::TimeLimit{profile.immediately_hours, *unit};
      continue;
    }
    if (rule.deadline.amount <= 0) continue;  // the profile's default applies
    if (!unit)
      throw Error(ErrorCode::kInvalidInput, "rule " + rule.id + ": deadline unit '" + rule.deadline.unit + "' is unknown");
    out[rule.id] = deadlines::TimeLimit{rule.deadline.amount, *unit};
  }
  return out;
}

}  // namespace jiaohe::engine::tasks
