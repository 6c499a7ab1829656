// `jiaohe sweep`: one run of the deadline sweeper (the same job `jiaohe serve` runs every minute),
// or with --dry-run what it would do at an instant, writing nothing.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/store/database.hpp"
#include "engine/tasks/deadline_sweep.hpp"
#include "jobs/deadline_sweeper.hpp"

namespace jiaohe::cli {
namespace {

using engine::tasks::SweepAction;

// --at as typed (the short forms of engine/calendar/local_time.hpp); the present without it.
engine::Instant instant_flag(const ParsedArgs& args) {
  const auto text = args.value("at");
  if (!text) return engine::SystemClock().now();
  std::string error;
  const auto at = engine::calendar::parse_instant(*text, &error, engine::calendar::InstantForm::kTyped);
  if (!at) throw UsageError("--at: " + error);
  return *at;
}

// One line an action: the task, its agency, what would happen and the deadline it is about.
int print_preview(const std::vector<SweepAction>& actions, engine::Instant at) {
  engine::tasks::SweepCounts counts;
  for (const auto& a : actions) {
    std::cout << "task " << a.task.id << "\t" << a.task.assignee << "\t" << engine::tasks::what_name(a.what);
    if (a.what == SweepAction::What::kRectificationOrder) std::cout << " (" << a.order << ")";
    std::cout << "\tdue " << (a.task.due_at ? engine::calendar::format_instant(*a.task.due_at) : "-") << "\n";
    switch (a.what) {
      case SweepAction::What::kReminder: ++counts.reminders; break;
      case SweepAction::What::kOverdue: ++counts.overdue; break;
      case SweepAction::What::kRectificationOrder: ++counts.rectifications; break;
    }
  }
  std::cout << "dry run at " << engine::calendar::format_instant(at) << ": " << counts.reminders << " reminder(s), "
            << counts.overdue << " overdue, " << counts.rectifications
            << " rectification order(s) would be made; nothing was written\n";
  return 0;
}

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (!args.positionals.empty()) throw UsageError("sweep takes no arguments");
  const bool dry_run = args.has("dry-run");
  if (args.has("at") && !dry_run) throw UsageError("--at needs --dry-run (a sweep that writes runs at the present)");
  if (dry_run && args.has("recompute")) throw UsageError("--recompute writes; it does not go with --dry-run");
  const auto now = instant_flag(args);
  const auto config = with_database_flag(base, args);
  const auto workflow = load_workflow(args, config);
  engine::store::DatabaseLocation db(config);
  if (dry_run) return print_preview(engine::tasks::DeadlineSweep(db.url(), workflow.setup()).preview(now), now);
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
  flags.push_back({"dry-run", "", "print what the sweep would do, one line a task and action, and write nothing"});
  flags.push_back({"at", "INSTANT",
                   "with --dry-run: sweep as at this instant, e.g. 2026-12-10 or 2026-12-10T09:00 (Asia/Shanghai) "
                   "or ...Z"});
  return {"sweep",
          "send due reminders, mark overdue tasks and order rectification (Art. 47)",
          "",
          "Takes the tasks whose next reminder or deadline has come (FOR UPDATE SKIP LOCKED, so\n"
          "several sweepers may run at once), sends the reminder at the profile's lead time, marks\n"
          "overdue tasks and opens a rectify task for the agency. Each happens once per task and\n"
          "deadline version. Notifications go to the outbox.\n"
          "With --dry-run (and --at INSTANT to ask \"what if\" of another instant) it prints, one\n"
          "line each, the task, its agency, what would happen (reminder, overdue,\n"
          "rectification_order) and the task's deadline, then the totals, and writes nothing.",
          flags,
          run};
}

}  // namespace jiaohe::cli
