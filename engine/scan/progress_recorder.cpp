#include "engine/scan/progress_recorder.hpp"

#include "engine/log/log.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr auto kProgressInterval = std::chrono::seconds(1);

}  // namespace

ProgressRecorder::ProgressRecorder(std::string url, std::function<void(std::int64_t)> on_started,
                                   const std::atomic<bool>* stopping)
    : url_(std::move(url)), on_started_(std::move(on_started)), stopping_(stopping) {}

void ProgressRecorder::scan_started(std::int64_t scan_id) {
  scan_id_ = scan_id;
  if (on_started_) on_started_(scan_id);
}

void ProgressRecorder::dataset_started(const std::string& dataset, std::int64_t) {
  stop_if_asked();
  progress_.dataset = dataset;
  progress_.phase = "reading";
  save();
}

void ProgressRecorder::rows_read(const std::string&, std::int64_t rows) {
  current_rows_ = rows;
  if (std::chrono::steady_clock::now() - last_saved_ >= kProgressInterval) save();
}

void ProgressRecorder::dataset_finished(const std::string&, std::int64_t rows) {
  finished_rows_ += rows;
  current_rows_ = 0;
  ++progress_.datasets_done;
  progress_.dataset.clear();
  save();
}

void ProgressRecorder::phase(const std::string& what) {
  // The scan is committed once tasks open: stopping then would only leave its tasks unopened.
  if (what != kPhaseTasks) stop_if_asked();
  progress_.phase = what;
  save();
}

void ProgressRecorder::stop_if_asked() const {
  if (stopping_ && *stopping_) throw ScanError("stopped: the server is shutting down");
}

// Progress is a courtesy to readers: failing to write it must not fail the scan.
void ProgressRecorder::save() {
  last_saved_ = std::chrono::steady_clock::now();
  progress_.rows_scanned = finished_rows_ + current_rows_;
  try {
    store::record_scan_progress(url_, scan_id_, progress_);
  } catch (const std::exception& e) {
    log::warn("scan.progress_not_saved", {{"scan", scan_id_}, {"error", e.what()}});
  }
}

}  // namespace jiaohe::engine::scan
