#include "engine/scan/progress_recorder.hpp"

#include "engine/log/log.hpp"
#include "engine/scan/progress_lines.hpp"

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

// With several workers several datasets are read at once: the row shows the one started last
// (then another still being read), and the rows of all of them.
void ProgressRecorder::dataset_started(const std::string& dataset, std::int64_t) {
  stop_if_asked();
  reading_[dataset] = 0;
  progress_.dataset = dataset;
  progress_.phase = "reading";
  save();
}

void ProgressRecorder::rows_read(const std::string& dataset, std::int64_t rows) {
  reading_[dataset] = rows;
  if (std::chrono::steady_clock::now() - last_saved_ >= kProgressInterval) save();
}

void ProgressRecorder::dataset_storing(const std::string& dataset) {
  progress_.dataset = dataset;
  phase(kPhaseStoring);
}

void ProgressRecorder::dataset_finished(const std::string& dataset, std::int64_t rows) {
  finished_rows_ += rows;
  reading_.erase(dataset);
  ++progress_.datasets_done;
  progress_.dataset = reading_.empty() ? std::string() : reading_.begin()->first;
  if (!reading_.empty()) progress_.phase = "reading";
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
  progress_.rows_scanned = finished_rows_;
  for (const auto& [dataset, rows] : reading_) progress_.rows_scanned += rows;
  try {
    store::record_scan_progress(url_, scan_id_, progress_);
  } catch (const std::exception& e) {
    log::warn("scan.progress_not_saved", {{"scan", scan_id_}, {"error", e.what()}});
  }
}

}  // namespace jiaohe::engine::scan
