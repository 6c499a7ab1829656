#include "engine/scan/scan_launcher.hpp"

#include <future>
#include <thread>

#include "engine/error.hpp"
#include "engine/log/log.hpp"
#include "engine/scan/progress_recorder.hpp"

namespace jiaohe::engine::scan {

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
  request.origin = ScanOrigin::kApi;
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
  ProgressRecorder observer(url_, [&r](std::int64_t id) { r.started.set_value(id); }, &stopping_);
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
