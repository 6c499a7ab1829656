// `jiaohe scan`: run the quality rules over the catalogue's datasets.
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/unit_flags.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/log/live_line.hpp"
#include "engine/log/log.hpp"
#include "engine/scan/progress_lines.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::cli {
namespace {

using Steady = std::chrono::steady_clock;

// Progress (engine/scan/progress_lines.hpp). On a terminal: the live line under the log,
// redrawn twice a second so that a long statement still shows its time, and each phase's line
// kept above it when the phase ends. Elsewhere: plain lines, each finished phase and, while a
// dataset is read, a line every few seconds.
class ProgressReporter final : public engine::scan::ScanObserver {
 public:
  explicit ProgressReporter(bool terminal) : terminal_(terminal) {
    if (!terminal_) return;
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) width_ = size.ws_col - 1;
    ticker_ = std::thread([this] {
      std::unique_lock lock(mutex_);
      while (!stop_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; })) draw();
    });
  }
  ~ProgressReporter() override { end(false); }

  void planned(const engine::scan::ScanOutline& outline) override {
    std::lock_guard lock(mutex_);
    lines_.planned(outline);
  }
  void dataset_started(const std::string& dataset, std::int64_t estimated) override {
    update([&](auto at) { lines_.dataset_started(dataset, estimated, at); });
  }
  void rows_read(const std::string& dataset, std::int64_t rows) override {
    std::lock_guard lock(mutex_);
    const auto at = Steady::now();
    lines_.rows_read(dataset, rows, at);
    if (at - last_drawn_ >= (terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000))) {
      if (terminal_)
        draw();
      else
        plain(lines_.live(at));
    }
  }
  void dataset_storing(const std::string& dataset) override {
    update([&](auto at) { lines_.dataset_storing(dataset, at); });
  }
  void dataset_finished(const std::string& dataset, std::int64_t rows) override {
    update([&](auto at) { lines_.dataset_finished(dataset, rows, at); });
  }
  void set_rule_started(const std::string& rule, const std::string& dataset) override {
    update([&](auto at) { lines_.set_rule_started(rule, dataset, at); });
  }
  void phase(const std::string& what) override {
    update([&](auto at) { lines_.phase(what, at); });
  }
  // The last phase ended (`completed`) or the scan failed: the finished lines stay, the live
  // line goes (a failed phase gets no line claiming it ended).
  void end(bool completed) {
    {
      std::lock_guard lock(mutex_);
      if (ended_) return;
      ended_ = stopping_ = true;
    }
    stop_.notify_all();
    if (ticker_.joinable()) ticker_.join();
    std::lock_guard lock(mutex_);
    if (completed) lines_.finished(Steady::now());
    print_finished();
    if (terminal_) engine::log::clear_live_line();
  }

 private:
  template <class F>
  void update(F&& f) {
    std::lock_guard lock(mutex_);
    const auto at = Steady::now();
    f(at);
    print_finished();
    last_drawn_ = at;  // a plain line about reading comes 5 s into a phase at the earliest
    if (terminal_) draw();
  }
  void print_finished() {
    for (const auto& line : lines_.take_finished()) engine::log::print_above_live_line(line);
  }
  void plain(const std::string& line) {
    last_drawn_ = Steady::now();
    if (!line.empty()) engine::log::print_above_live_line(line);
  }
  void draw() {
    last_drawn_ = Steady::now();
    std::string line = lines_.live(last_drawn_);
    if (line.size() > width_) line.resize(width_);  // a wrapped line could not be redrawn in place
    engine::log::show_live_line(line);
  }

  const bool terminal_;
  std::size_t width_ = 79;
  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false, ended_ = false;
  engine::scan::ProgressLines lines_;
  Steady::time_point last_drawn_{};
  std::thread ticker_;
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
  request.workers = workers_of(args);
  request.lease = lease_of(args);
  const engine::SystemClock clock;
  request.now = clock.now();
  ProgressReporter progress(isatty(STDERR_FILENO) != 0);
  const auto outcome = engine::scan::ScanAndOpenTasks(db.url(), workflow.catalogue, workflow.pack, workflow.setup())
                           .run(request, progress, clock);
  progress.end(true);
  print_summary(outcome.summary);
  std::cout << "tasks: " << outcome.opened_tasks.size() << " verify_finding task(s) opened\n";
  return 0;
}

std::vector<Flag> scan_flags() {
  return with_workflow_flags({database_url_flag(),
                             {"datasets", "A,B", "only these datasets (default: all)"},
                             {"full", "", "read every row (default)"},
                             {"incremental", "", "read only rows updated since the last successful scan"},
                             {"wait", "", "wait for a running scan of the same datasets instead of refusing"},
                             workers_flag(),
                             lease_flag()});
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
          "answers are checked against what the scan found (see docs/WORKFLOW.md).\n\n"
          "A scan is split into units, one per dataset it reads, kept in the database: --workers\n"
          "of this process do them, and so does every 'jiaohe worker' on the same database; this\n"
          "process merges once all are staged (docs/SCALE.md).",
          scan_flags(),
          run};
}

}  // namespace jiaohe::cli
