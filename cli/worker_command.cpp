// `jiaohe worker`: does units of the scans running on its database (docs/SCALE.md), on this
// machine or another, and takes over the scans whose coordinator died.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/stop_signals.hpp"
#include "cli/unit_flags.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/clock.hpp"
#include "engine/log/log.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/scan/unit_worker.hpp"
#include "engine/store/database.hpp"
#include "jobs/scan_takeover.hpp"

namespace jiaohe::cli {
namespace {

// With nothing to claim, a worker looks again after this long (or at once when told to stop).
constexpr auto kIdle = std::chrono::seconds(1);

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (!args.positionals.empty()) throw UsageError("worker takes no arguments");
  const auto config = with_database_flag(base, args);
  const auto lease = lease_of(args);
  const int threads = std::max(1, workers_of(args));
  log_start("worker", config);
  // The stop signals go to the thread below only: a unit in progress is finished first.
  const StopSignals stop_signals;

  engine::store::DatabaseLocation db(config);
  engine::store::apply_migrations(db.url());
  const auto workflow = load_workflow(args, config);
  const engine::SystemClock clock;
  const engine::scan::ScanAndOpenTasks scanning(db.url(), workflow.catalogue, workflow.pack, workflow.setup());

  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  std::thread signals([&] {
    const int received = stop_signals.wait();
    engine::log::info("worker.stopping", {{"signal", received}});
    std::lock_guard lock(mutex);
    stopping = true;
    wake.notify_all();
  });
  const auto idle = [&] {
    std::unique_lock lock(mutex);
    return wake.wait_for(lock, kIdle, [&] { return stopping; });
  };
  std::cout << "jiaohe worker: " << threads << " worker(s) on " << workflow.pack.name << " " << workflow.pack.version
            << ", lease " << lease.count() << " s; stop with Ctrl-C or SIGTERM" << std::endl;

  const auto work = [&](bool takes_over) {
    engine::scan::UnitWorker worker(db.url(), workflow.catalogue, workflow.pack, clock, lease);
    jobs::ScanTakeover takeover(db.url(), scanning, clock, lease);
    engine::scan::ScanObserver quiet;
    for (;;) {
      {
        std::lock_guard lock(mutex);
        if (stopping) return;
      }
      try {
        if (takes_over) takeover.run_once(clock.now());
        if (worker.work_one(std::nullopt, quiet) != engine::scan::UnitWorker::Outcome::kNothing) continue;
      } catch (const std::exception& e) {
        // The database is away for a moment: try again after the pause.
        engine::log::warn("worker.queue_unreachable", {{"error", e.what()}});
      }
      if (idle()) return;
    }
  };
  {
    std::vector<std::jthread> others;
    for (int i = 1; i < threads; ++i) others.emplace_back([&] { work(false); });
    work(true);
  }
  signals.join();
  engine::log::info("worker.stopped");
  return 0;
}

std::vector<Flag> worker_flags() {
  return with_workflow_flags({database_url_flag(), workers_flag(), lease_flag()});
}

}  // namespace

Command worker_command() {
  return {"worker",
          "do units of the scans running on the database, here or on another machine",
          "",
          "Claims the units of running scans (one dataset's row pass each) from the database,\n"
          "does them and stages what they found, holding each by a lease it renews; a unit whose\n"
          "worker died is claimed again once its lease has run out. The process that started a\n"
          "scan merges it once every unit is staged. A worker also finishes scheduled scans whose\n"
          "coordinator died and marks other such scans failed. Runs until SIGINT or SIGTERM,\n"
          "finishing the unit in hand first. Only scans of the same rule pack and version as its\n"
          "own are worked on (docs/SCALE.md).",
          worker_flags(),
          run};
}

}  // namespace jiaohe::cli
