#include "engine/scan/scan_and_open_tasks.hpp"

#include "engine/scan/scanner.hpp"
#include "engine/tasks/finding_loop.hpp"

namespace jiaohe::engine::scan {

ScanAndOpenTasks::ScanAndOpenTasks(std::string database_url, const catalog::Catalogue& catalogue,
                                   const rules::RulePack& pack, tasks::WorkflowSetup setup)
    : url_(std::move(database_url)), catalogue_(catalogue), pack_(pack), setup_(std::move(setup)) {}

namespace {

ScanRequest timed(const ScanRequest& request, const Clock& clock) {
  ScanRequest r = request;
  if (!r.clock) r.clock = &clock;
  return r;
}

}  // namespace

ScanOutcome ScanAndOpenTasks::run(const ScanRequest& request, ScanObserver& observer, const Clock& clock) const {
  return open_tasks(Scanner(url_, catalogue_, pack_).run(timed(request, clock), observer), observer, clock);
}

ScanOutcome ScanAndOpenTasks::resume(std::int64_t scan_id, const ScanRequest& request, ScanObserver& observer,
                                     const Clock& clock) const {
  return open_tasks(Scanner(url_, catalogue_, pack_).resume(scan_id, timed(request, clock), observer), observer, clock);
}

ScanOutcome ScanAndOpenTasks::open_tasks(ScanSummary summary, ScanObserver& observer, const Clock& clock) const {
  ScanOutcome outcome;
  outcome.summary = std::move(summary);
  observer.phase(kPhaseTasks);
  outcome.opened_tasks = tasks::FindingLoop(url_, setup_).open_finding_tasks(outcome.summary.scan_id, clock.now());
  return outcome;
}

}  // namespace jiaohe::engine::scan
