// `jiaohe scan`: run the quality rules over the catalogue's datasets.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/log/log.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::cli {
namespace {

using Steady = std::chrono::steady_clock;

// Progress: one rewritten line on a terminal, a log line every few seconds otherwise.
class ProgressReporter final : public engine::scan::ScanObserver {
 public:
  explicit ProgressReporter(bool terminal) : terminal_(terminal) {}

  void dataset_started(const std::string& dataset, std::int64_t estimated) override {
    dataset_ = dataset;
    estimated_ = estimated;
    started_ = last_log_ = Steady::now();
    show(0, false);
  }
  void rows_read(const std::string&, std::int64_t rows) override { show(rows, false); }
  void dataset_finished(const std::string&, std::int64_t rows) override { show(rows, true); }
  void phase(const std::string& what) override {
    if (terminal_) std::fprintf(stderr, "%s...\n", what.c_str());
    engine::log::info("scan.phase", {{"phase", what}});
  }

 private:
  void show(std::int64_t rows, bool done) {
    const double seconds = std::chrono::duration<double>(Steady::now() - started_).count();
    const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
    const double eta = (rate > 0 && estimated_ > rows) ? static_cast<double>(estimated_ - rows) / rate : 0;
    if (terminal_) {
      std::fprintf(stderr, "\r\033[K%-16s %10lld rows  %9.0f rows/s  %s", dataset_.c_str(), static_cast<long long>(rows),
                   rate, done ? "done\n" : ("ETA " + std::to_string(static_cast<int>(eta)) + "s").c_str());
      return;
    }
    if (done || Steady::now() - last_log_ > std::chrono::seconds(5)) {
      last_log_ = Steady::now();
      engine::log::info(done ? "scan.dataset_done" : "scan.progress",
                        {{"dataset", dataset_}, {"rows", rows}, {"rows_per_s", rate}, {"eta_s", eta}});
    }
  }

  bool terminal_;
  std::string dataset_;
  std::int64_t estimated_ = 0;
  Steady::time_point started_, last_log_;
};

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

void print_summary(const engine::scan::ScanSummary& s) {
  std::cout << "scan " << s.scan_id << " (" << (s.mode == engine::scan::ScanMode::kFull ? "full" : "incremental")
            << ") finished in " << s.seconds << " s: " << s.findings_new << " new, " << s.findings_seen
            << " seen again, " << s.findings_reopened << " reopened, " << s.findings_resolved << " resolved\n";
  for (const auto& d : s.datasets) {
    std::cout << "  " << d.dataset_id << ": " << d.rows_read << " rows read of " << d.rows_total << "\n";
    for (const auto& [rule, open] : d.open_by_rule) std::cout << "    " << rule << "\t" << open << " open\n";
  }
}

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (!args.positionals.empty()) throw UsageError("scan takes no arguments; name datasets with --datasets a,b");
  if (args.has("full") && args.has("incremental")) throw UsageError("choose one of --full and --incremental");
  const auto config = with_database_flag(base, args);
  const auto workflow = load_workflow(args, config);

  engine::store::DatabaseLocation db(config);
  engine::store::apply_migrations(db.url());
  engine::scan::ScanRequest request;
  request.mode = args.has("incremental") ? engine::scan::ScanMode::kIncremental : engine::scan::ScanMode::kFull;
  request.datasets = split_list(args.value("datasets").value_or(""));
  request.wait_for_lock = args.has("wait");
  const engine::SystemClock clock;
  request.now = clock.now();
  ProgressReporter progress(isatty(STDERR_FILENO) != 0);
  const auto outcome = engine::scan::ScanAndOpenTasks(db.url(), workflow.catalogue, workflow.pack, workflow.setup())
                           .run(request, progress, clock);
  print_summary(outcome.summary);
  std::cout << "tasks: " << outcome.opened_tasks.size() << " verify_finding task(s) opened\n";
  return 0;
}

std::vector<Flag> scan_flags() {
  std::vector<Flag> flags = {database_url_flag(),
                             {"datasets", "A,B", "only these datasets (default: all)"},
                             {"full", "", "read every row (default)"},
                             {"incremental", "", "read only rows updated since the last successful scan"},
                             {"wait", "", "wait for a running scan of the same datasets instead of refusing"}};
  for (auto& f : workflow_flags()) flags.push_back(std::move(f));
  return flags;
}

}  // namespace

Command scan_command() {
  return {"scan",
          "run the quality rules over the catalogue's datasets (Art. 20)",
          "",
          "Evaluates the rule pack over the datasets of the catalogue: the row rules in one\n"
          "streaming pass per dataset, the set rules (uniqueness, referential, staleness,\n"
          "cross-agency conflict) as SQL. Findings are merged in one transaction: found again =\n"
          "same finding, no longer found = resolved; a failed scan changes nothing. Shows\n"
          "progress on a terminal and ends with a summary per dataset and rule. New findings\n"
          "then become verify_finding tasks (one per agency, dataset and rule) and earlier\n"
          "answers are checked against what the scan found (see docs/WORKFLOW.md).",
          scan_flags(),
          run};
}

}  // namespace jiaohe::cli
