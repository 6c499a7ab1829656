#pragma once
// The statute profile, calendar, catalogue and rule pack that the workflow needs, loaded once
// from the data folder (or the flags that override it) by the commands that run it.
#include <memory>

#include "cli/command.hpp"
#include "engine/calendar/working_calendar.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/config/config.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::cli {

struct LoadedWorkflow {
  engine::statute::StatuteProfile profile;
  std::unique_ptr<engine::calendar::WorkingCalendar> calendar;
  engine::catalog::Catalogue catalogue;
  rules::RulePack pack;
  std::string profile_file, calendar_dir;  // where the profile and calendar were loaded from
  engine::tasks::WorkflowSetup setup() const;
};

// --profile, --calendars, --catalogue and --pack, each with a default under data_dir.
std::vector<Flag> workflow_flags();
// A command's own flags followed by workflow_flags().
std::vector<Flag> with_workflow_flags(std::vector<Flag> own);
LoadedWorkflow load_workflow(const ParsedArgs& args, const engine::Config& config);

// --catalogue alone, for commands that need only to know the datasets and their agencies.
Flag catalogue_flag();
engine::catalog::Catalogue load_catalogue_flag(const ParsedArgs& args, const engine::Config& config);

}  // namespace jiaohe::cli
