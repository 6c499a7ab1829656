#include "engine/scan/scan_and_open_tasks.hpp"

#include "engine/scan/scanner.hpp"
#include "engine/tasks/finding_loop.hpp"

namespace jiaohe::engine::scan {

ScanAndOpenTasks::ScanAndOpenTasks(std::string database_url, const catalog::Catalogue& catalogue,
                                   const rules::RulePack& pack, tasks::WorkflowSetup setup)
    : url_(std::move(database_url)), catalogue_(catalogue), pack_(pack), setup_(std::move(setup)) {}

ScanOutcome ScanAndOpenTasks::run(const ScanRequest& request, ScanObserver& observer, const Clock& clock) const {
  ScanOutcome outcome;
  ScanRequest timed = request;
  if (!timed.clock) timed.clock = &clock;
  outcome.summary = Scanner(url_, catalogue_, pack_).run(timed, observer);
  observer.phase(kPhaseTasks);
  outcome.opened_tasks = tasks::FindingLoop(url_, setup_).open_finding_tasks(outcome.summary.scan_id, clock.now());
  return outcome;
}

}  // namespace jiaohe::engine::scan
