// `jiaohe serve`: wires the engine, the HTTP API and the jobs into one process.
#include <iostream>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/stop_signals.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/calendar/notice_coverage.hpp"
#include "engine/clock.hpp"
#include "engine/log/log.hpp"
#include "engine/store/database.hpp"
#include "engine/store/scan_records.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/tasks/deadline_sweep.hpp"
#include "jobs/serve_jobs.hpp"

namespace jiaohe::cli {
namespace {

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  auto config = with_database_flag(base, args);
  log_start("serve", config);
  if (auto host = args.value("host")) config.server_host = *host;
  if (auto port = args.value("port")) {
    try {
      config.server_port = std::stoi(*port);
    } catch (const std::exception&) {
      throw UsageError("--port must be a number, got '" + *port + "'");
    }
  }
  // Before any thread starts, so that only the wait below receives them.
  const StopSignals stop_signals;

  engine::store::DatabaseLocation db(config);
  if (!args.has("no-migrate")) engine::store::apply_migrations(db.url());

  engine::SystemClock clock;
  // Beside the API: the scheduled scan, the deadline sweep and the notification delivery.
  const auto workflow = load_workflow(args, config);
  engine::calendar::warn_missing_notices(*workflow.calendar, clock.now());
  // Open deadlines follow the calendar and profile loaded now (docs/DEADLINES.md), before any
  // request or job reads them; the sweep follows later changes of the files.
  const auto moved = engine::tasks::DeadlineSweep(db.url(), workflow.setup()).recompute(clock.now());
  if (moved > 0) engine::log::info("serve.deadlines_recomputed", {{"deadlines_moved", moved}});
  // One scan path for the schedule and for scans started over HTTP (which run in the
  // background; stopped and joined below, after the server).
  const engine::scan::ScanAndOpenTasks scanning(db.url(), workflow.catalogue, workflow.pack, workflow.setup());
  jobs::ServeJobs background(config, db.url(), scanning, workflow.setup(), clock,
                             jobs::WorkflowFiles{workflow.calendar_dir, workflow.profile_file});
  background.start();
  engine::scan::ScanLauncher scans(db.url(), scanning, clock);
  // A scan left "running" by a process that was killed would be followed forever.
  for (const auto id : engine::store::fail_abandoned_scans(db.url(), clock.now()))
    engine::log::warn("scan.abandoned", {{"scan", id}, {"status", "failed"}});
  engine::store::GroupCommitter commits(db.url(), workflow.setup(),
                                       engine::store::GroupCommitOptions{config.server_commit_lanes});
  api::AppContext context{db.url(), &clock, workflow.setup(), &commits, &scans};
  context.pack = &workflow.pack;
  api::Router router(api::make_routes());
  api::ServerOptions options;
  options.host = config.server_host;
  options.port = static_cast<unsigned short>(config.server_port);
  options.body_limit = static_cast<std::size_t>(config.server_body_limit);
  options.worker_threads = config.server_threads;
  api::Server server(options, router, context);
  const auto port = server.start();
  engine::log::info("serve.listening", {{"host", options.host}, {"port", port}});
  std::cout << "jiaohe is serving on http://" << options.host << ":" << port << "/  (try: curl http://"
            << options.host << ":" << port << "/healthz)" << std::endl;

  const int received = stop_signals.wait();
  engine::log::info("serve.stopping", {{"signal", received}});
  scans.request_stop();  // running scans stop at their next dataset while requests drain
  server.stop();
  scans.stop();
  background.stop();
  engine::log::info("serve.stopped");
  return 0;
}

std::vector<Flag> serve_flags() {
  return with_workflow_flags({database_url_flag(),
                             {"host", "ADDR", "listen address (default server.host, 127.0.0.1)"},
                             {"port", "PORT", "listen port (default server.port, 8080; 0 = any free port)"},
                             {"no-migrate", "", "do not apply pending migrations at start"}});
}

}  // namespace

Command serve_command() {
  return {"serve",
          "run the HTTP API, the scheduled scan, the deadline sweep and notification delivery",
          "",
          "Applies pending migrations, then serves the HTTP API until SIGINT or SIGTERM, when it\n"
          "stops accepting, answers the requests in flight and exits. With no database\n"
          "configured it starts the embedded PostgreSQL under <home>/postgres (and stops it on\n"
          "exit if it started it). Beside the API it runs the scheduled scan (jobs.scan.cron, default\n"
          "02:00 Asia/Shanghai, once per slot across serve processes), the deadline sweep and the\n"
          "webhook delivery; jobs.*.enabled switches each off (docs/SCHEDULE.md).",
          serve_flags(),
          run};
}

}  // namespace jiaohe::cli
