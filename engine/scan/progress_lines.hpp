#pragma once
// What a person watching a scan reads: one line per phase (reading each dataset, each set
// rule, the merge, the task opening), each starting with the scan's overall share. The phase
// being worked on is the live line; a phase that ended becomes a finished line that stays.
// Several workers read several datasets at once: each dataset being read or stored has its
// part of the live line (in the order they started, separated by " | ") and its own finished
// lines. Pure: fed with the observer's events and the instants they happened at (tests move
// time).
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

// The phase between a dataset's reading and its end: what the scan staged is written (record
// identities, the stored normalised values; the first full scan writes them all). Workers
// announce it through ScanObserver::dataset_storing(); the name is the one a scan's recorded
// progress shows for it.
inline constexpr const char* kPhaseStoring = "storing values";

class ProgressLines {
 public:
  using Time = std::chrono::steady_clock::time_point;

  void planned(const ScanOutline& outline);
  void dataset_started(const std::string& dataset, std::int64_t estimated_rows, Time at);
  void rows_read(const std::string& dataset, std::int64_t rows, Time at);
  void dataset_storing(const std::string& dataset, Time at);  // ends the dataset's reading
  void dataset_finished(const std::string& dataset, std::int64_t rows, Time at);
  // A set rule or a phase ends every dataset still open (one that another process finished).
  void set_rule_started(const std::string& rule_id, const std::string& dataset, Time at);
  // kPhaseSetRules, kPhaseMerge, kPhaseTasks
  void phase(const std::string& what, Time at);
  void finished(Time at);                        // the last phase ended

  // The live line ("" when no phase is running).
  std::string live(Time now) const;
  // The lines of the phases that ended since the last call, oldest first.
  std::vector<std::string> take_finished();
  // Overall share of the scan done, 0..1.
  double share() const;

 private:
  enum class Step { kNone, kSetRule, kMerge, kTasks };
  struct Reading {
    std::string dataset;
    std::int64_t estimate = 0, rows = 0;
    Time started{}, last{};  // of the reading, or of the storing once `storing`
    bool storing = false;
  };
  void end_step(Time at);      // the running set rule, merge or task opening
  void end_readings(Time at);  // every dataset still being read or stored
  void end_reading(std::vector<Reading>::iterator r, Time at);
  void end_rows(Reading& r, Time at);  // the reading's line; the dataset goes on to storing
  std::vector<Reading>::iterator reading(const std::string& dataset);
  double reading_weight(std::int64_t estimate) const;
  std::string reading_text(const Reading& r, Time now) const;
  std::string prefix() const;

  ScanOutline outline_;
  std::int64_t total_estimate_ = 0;
  double done_ = 0;  // share of the phases and readings that ended
  Step step_ = Step::kNone;
  std::string label_;  // "BL-UNQ-001 on gaj_hukou"
  int rule_index_ = 0;
  Time started_{};
  std::vector<Reading> readings_;  // in the order they started
  std::vector<std::string> finished_;
};

// 1234567 -> "1,234,567".
std::string grouped(std::int64_t n);

}  // namespace jiaohe::engine::scan
