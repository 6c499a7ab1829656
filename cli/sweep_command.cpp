// `jiaohe sweep`: one run of the deadline sweeper (the same job `jiaohe serve` runs every minute).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/store/database.hpp"
#include "engine/tasks/deadline_sweep.hpp"
#include "jobs/deadline_sweeper.hpp"

namespace jiaohe::cli {
namespace {

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (!args.positionals.empty()) throw UsageError("sweep takes no arguments");
  const auto config = with_database_flag(base, args);
  const auto workflow = load_workflow(args, config);
  engine::store::DatabaseLocation db(config);
  const auto now = engine::SystemClock().now();
  if (args.has("recompute")) {
    const auto moved = engine::tasks::DeadlineSweep(db.url(), workflow.setup()).recompute(now);
    std::cout << "recomputed: " << moved << " deadline(s) moved\n";
  }
  jobs::DeadlineSweeper sweeper(db.url(), workflow.setup());
  sweeper.run_once(now);
  const auto& c = sweeper.last();
  std::cout << "sweep: " << c.reminders << " reminder(s), " << c.overdue << " overdue, " << c.rectifications
            << " rectification order(s)\n";
  return 0;
}

}  // namespace

Command sweep_command() {
  auto flags = workflow_flags();
  flags.insert(flags.begin(), database_url_flag());
  flags.push_back({"recompute", "", "first recompute open tasks' deadlines on the current calendar and profile"});
  return {"sweep",
          "send due reminders, mark overdue tasks and order rectification (Art. 47)",
          "",
          "Takes the tasks whose next reminder or deadline has come (FOR UPDATE SKIP LOCKED, so\n"
          "several sweepers may run at once), sends the reminder at the profile's lead time, marks\n"
          "overdue tasks and opens a rectify task for the agency. Each happens once per task and\n"
          "deadline version. Notifications go to the outbox.",
          flags,
          run};
}

}  // namespace jiaohe::cli
