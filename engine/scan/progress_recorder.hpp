#pragma once
// A scan's progress written to its row (scans.progress) as it goes, for whoever follows the
// scan from elsewhere (GET /v1/scans/{id}, /metrics): each dataset and phase, and at most once
// a second within a dataset. Every scan that runs inside `serve` reports through it (those the
// API starts, the scheduled ones, those taken over from a dead process). Given a stop flag,
// it stops the scan at its next dataset or phase once the flag is set: mid-dataset the row
// stream is left alone (breaking off a COPY would leave its connection unusable for the
// rollback).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "engine/scan/scan_types.hpp"
#include "engine/store/scan_records.hpp"

namespace jiaohe::engine::scan {

class ProgressRecorder final : public ScanObserver {
 public:
  // `on_started` hears the scan's id once its record is committed.
  ProgressRecorder(std::string url, std::function<void(std::int64_t)> on_started = {},
                   const std::atomic<bool>* stopping = nullptr);

  bool started() const { return scan_id_ != 0; }
  std::int64_t scan_id() const { return scan_id_; }

  void scan_started(std::int64_t scan_id) override;
  void dataset_started(const std::string& dataset, std::int64_t estimated_rows) override;
  void rows_read(const std::string& dataset, std::int64_t rows) override;
  void dataset_storing(const std::string& dataset) override;
  void dataset_finished(const std::string& dataset, std::int64_t rows) override;
  void phase(const std::string& what) override;

 private:
  void stop_if_asked() const;
  void save();

  std::string url_;
  std::function<void(std::int64_t)> on_started_;
  const std::atomic<bool>* stopping_;
  std::int64_t scan_id_ = 0;
  store::ScanProgress progress_;
  std::int64_t finished_rows_ = 0;
  std::map<std::string, std::int64_t> reading_;  // rows read so far, by dataset (several workers)
  std::chrono::steady_clock::time_point last_saved_{};
};

}  // namespace jiaohe::engine::scan
