#pragma once
// What the workflow needs besides the database: the statute profile, the working-day calendar,
// the deadlines the rule pack sets for its findings' tasks, and the catalogue (which agency
// owns a dataset). Loaded once and passed to every workflow store.
#include <map>
#include <optional>
#include <string>

#include "engine/calendar/working_calendar.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/deadlines/time_limit.hpp"
#include "engine/statute/statute_profile.hpp"

namespace jiaohe::engine::tasks {

struct WorkflowSetup {
  const statute::StatuteProfile* profile = nullptr;
  const calendar::WorkingCalendar* calendar = nullptr;
  const catalog::Catalogue* catalogue = nullptr;  // optional
  std::map<std::string, deadlines::TimeLimit> rule_limits;  // rule id -> its tasks' limit (Art. 19 ¶3)
};

// The rule pack's deadlines as limits ("immediately" is the profile's immediately_hours); throws
// engine::Error(kInvalidInput) for an unknown unit.
std::map<std::string, deadlines::TimeLimit> rule_limits(const rules::RulePack& pack,
                                                        const statute::StatuteProfile& profile);

}  // namespace jiaohe::engine::tasks
