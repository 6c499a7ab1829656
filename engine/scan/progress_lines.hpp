#pragma once
// What a person watching a scan reads: one line per phase (reading each dataset, each set
// rule, the merge, the task opening), each starting with the scan's overall share. The phase
// being worked on is the live line; a phase that ended becomes a finished line that stays.
// Pure: fed with the observer's events and the instants they happened at (tests move time).
//
// Reading shows rows read of the estimate, the rate and an ETA from the rate so far; when the
// estimate is unknown or already exceeded the ETA says "?" rather than a number it cannot
// know. The overall share weighs the phases by what they cost in bench/scan.sh's runs
// (docs/PERFORMANCE.md): reading 60% (split by the datasets' estimated rows), set rules 25%
// (split equally between the runs), merge 10%, task opening 5%.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/scan/scan_types.hpp"

namespace jiaohe::engine::scan {

// The phase between a dataset's reading and the next dataset: what the scan staged is written
// (record identities, the stored normalised values; the first full scan writes them all). The
// scanner announces it through ScanObserver::phase().
inline constexpr const char* kPhaseStoring = "storing values";

class ProgressLines {
 public:
  using Time = std::chrono::steady_clock::time_point;

  void planned(const ScanOutline& outline);
  void dataset_started(const std::string& dataset, std::int64_t estimated_rows, Time at);
  void rows_read(std::int64_t rows, Time at);
  void dataset_finished(std::int64_t rows, Time at);
  void set_rule_started(const std::string& rule_id, const std::string& dataset, Time at);
  // kPhaseStoring (ends the dataset's reading), kPhaseSetRules, kPhaseMerge, kPhaseTasks
  void phase(const std::string& what, Time at);
  void finished(Time at);                        // the last phase ended

  // The live line ("" when no phase is running).
  std::string live(Time now) const;
  // The lines of the phases that ended since the last call, oldest first.
  std::vector<std::string> take_finished();
  // Overall share of the scan done, 0..1.
  double share() const;

 private:
  enum class Step { kNone, kReading, kStoring, kSetRule, kMerge, kTasks };
  void end_step(Time at);
  double step_share() const;  // of the running step, 0..1
  double reading_weight() const;
  std::string prefix() const;

  ScanOutline outline_;
  std::int64_t total_estimate_ = 0;
  double done_ = 0;  // share of the phases that ended
  Step step_ = Step::kNone;
  std::string label_;  // dataset, or "BL-UNQ-001 on gaj_hukou"
  std::int64_t estimate_ = 0, rows_ = 0;
  int rule_index_ = 0;
  Time started_{}, last_{};
  std::vector<std::string> finished_;
};

// 1234567 -> "1,234,567".
std::string grouped(std::int64_t n);

}  // namespace jiaohe::engine::scan
