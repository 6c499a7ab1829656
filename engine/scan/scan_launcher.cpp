#include "engine/scan/scan_launcher.hpp"

#include <future>
#include <thread>

#include "engine/error.hpp"
#include "engine/log/log.hpp"
#include "engine/store/scan_records.hpp"

namespace jiaohe::engine::scan {
namespace {

using Steady = std::chrono::steady_clock;
constexpr auto kProgressInterval = std::chrono::seconds(1);

// Hands the scan id to the starter, writes progress to the scan's row, and stops the scan at a
// dataset or phase boundary once the launcher stops. Mid-dataset the row stream is left alone:
// breaking off a COPY would leave its connection unusable for the rollback.
class LaunchObserver final : public ScanObserver {
 public:
  LaunchObserver(const std::string& url, std::promise<std::int64_t>& started, const std::atomic<bool>& stopping)
      : url_(url), started_(started), stopping_(stopping) {}

  bool started() const { return scan_id_ != 0; }
  std::int64_t scan_id() const { return scan_id_; }

  void scan_started(std::int64_t scan_id) override {
    scan_id_ = scan_id;
    started_.set_value(scan_id);
  }
  void dataset_started(const std::string& dataset, std::int64_t) override {
    stop_if_asked();
    progress_.dataset = dataset;
    progress_.phase = "reading";
    save();
  }
  void rows_read(const std::string&, std::int64_t rows) override {
    current_rows_ = rows;
    if (Steady::now() - last_saved_ >= kProgressInterval) save();
  }
  void dataset_finished(const std::string&, std::int64_t rows) override {
    finished_rows_ += rows;
    current_rows_ = 0;
    ++progress_.datasets_done;
    progress_.dataset.clear();
    save();
  }
  void phase(const std::string& what) override {
    // The scan is committed once tasks open: stopping then would only leave its tasks unopened.
    if (what != kPhaseTasks) stop_if_asked();
    progress_.phase = what;
    save();
  }

 private:
  void stop_if_asked() const {
    if (stopping_) throw ScanError("stopped: the server is shutting down");
  }
  // Progress is a courtesy to readers: failing to write it must not fail the scan.
  void save() {
    last_saved_ = Steady::now();
    progress_.rows_scanned = finished_rows_ + current_rows_;
    try {
      store::record_scan_progress(url_, scan_id_, progress_);
    } catch (const std::exception& e) {
      log::warn("scan.progress_not_saved", {{"scan", scan_id_}, {"error", e.what()}});
    }
  }

  const std::string& url_;
  std::promise<std::int64_t>& started_;
  const std::atomic<bool>& stopping_;
  std::int64_t scan_id_ = 0;
  store::ScanProgress progress_;
  std::int64_t finished_rows_ = 0, current_rows_ = 0;
  Steady::time_point last_saved_{};
};

}  // namespace

struct ScanLauncher::Run {
  std::promise<std::int64_t> started;
  std::atomic<bool> done{false};
  std::thread thread;
};

ScanLauncher::ScanLauncher(std::string database_url, ScanAndOpenTasks scan, const Clock& clock)
    : url_(std::move(database_url)), scan_(std::move(scan)), clock_(clock) {}

ScanLauncher::~ScanLauncher() { stop(); }

std::int64_t ScanLauncher::start(ScanMode mode, const std::vector<std::string>& datasets) {
  ScanRequest request;
  request.mode = mode;
  request.datasets = datasets;
  request.now = clock_.now();
  std::future<std::int64_t> started;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw Error(ErrorCode::kUnavailable, "the server is shutting down; no new scans start");
    // Join the runs that have ended, so the list holds only live threads.
    for (auto it = runs_.begin(); it != runs_.end();) {
      if (!(*it)->done) {
        ++it;
        continue;
      }
      (*it)->thread.join();
      it = runs_.erase(it);
    }
    auto& r = *runs_.emplace_back(std::make_unique<Run>());
    started = r.started.get_future();
    r.thread = std::thread([this, &r, request] { run(r, request); });
  }
  return started.get();  // rethrows what stopped the scan before its record was committed
}

void ScanLauncher::run(Run& r, const ScanRequest& request) {
  LaunchObserver observer(url_, r.started, stopping_);
  try {
    const auto outcome = scan_.run(request, observer, clock_);
    log::info("scan.tasks_opened", {{"scan", outcome.summary.scan_id}, {"tasks", outcome.opened_tasks.size()}});
  } catch (const std::exception& e) {
    // Before the scan's record exists the starter hears why; after it, the record says how the
    // scan ended, and what failed after the scan (opening its tasks) is logged here.
    if (!observer.started())
      r.started.set_exception(std::current_exception());
    else
      log::error("scan.background_error", {{"scan", observer.scan_id()}, {"error", e.what()}});
  } catch (...) {
    if (!observer.started()) r.started.set_exception(std::current_exception());
  }
  r.done = true;
}

void ScanLauncher::wait_idle() {
  while (true) {
    std::unique_ptr<Run> r;
    {
      std::lock_guard lock(mutex_);
      if (runs_.empty()) return;
      r = std::move(runs_.front());
      runs_.pop_front();
    }
    r->thread.join();
  }
}

void ScanLauncher::request_stop() { stopping_ = true; }

void ScanLauncher::stop() {
  request_stop();
  wait_idle();
}

}  // namespace jiaohe::engine::scan
