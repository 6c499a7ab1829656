#include "cli/workflow_loader.hpp"

#include "engine/calendar/calendar_loader.hpp"
#include "engine/tasks/workflow_profile.hpp"

namespace jiaohe::cli {

engine::tasks::WorkflowSetup LoadedWorkflow::setup() const {
  return {&profile, calendar.get(), &catalogue, engine::tasks::rule_limits(pack, profile)};
}

std::vector<Flag> with_workflow_flags(std::vector<Flag> own) {
  for (auto& f : workflow_flags()) own.push_back(std::move(f));
  return own;
}

std::vector<Flag> workflow_flags() {
  return {{"profile", "FILE", "statute profile (default <data_dir>/statutes/zhejiang-2022.json)"},
          {"calendars", "DIR", "working-day calendars (default <data_dir>/calendars)"},
          catalogue_flag(),
          {"pack", "FILE", "rule pack JSON (default <data_dir>/packs/baseline.json)"}};
}

Flag catalogue_flag() { return {"catalogue", "FILE", "catalogue JSON (default <data_dir>/demo/catalogue.json)"}; }

engine::catalog::Catalogue load_catalogue_flag(const ParsedArgs& args, const engine::Config& config) {
  return engine::catalog::load_catalogue(args.value("catalogue").value_or(config.data_dir + "/demo/catalogue.json"));
}

LoadedWorkflow load_workflow(const ParsedArgs& args, const engine::Config& config) {
  LoadedWorkflow w;
  w.profile_file = args.value("profile").value_or(config.data_dir + "/statutes/zhejiang-2022.json");
  w.calendar_dir = args.value("calendars").value_or(config.data_dir + "/calendars");
  w.profile = engine::tasks::load_workflow_profile(w.profile_file);
  w.calendar = std::make_unique<engine::calendar::WorkingCalendar>(engine::calendar::load_calendar(w.calendar_dir));
  w.catalogue = load_catalogue_flag(args, config);
  w.pack = engine::catalog::load_rule_pack(args.value("pack").value_or(config.data_dir + "/packs/baseline.json"),
                                           w.catalogue);
  return w;
}

}  // namespace jiaohe::cli
