#include "engine/scan/progress_lines.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jiaohe::engine::scan {
namespace {

constexpr double kReading = 0.60, kSetRules = 0.25, kMerge = 0.10;  // task opening: the rest

double seconds_between(ProgressLines::Time from, ProgressLines::Time to) {
  return std::max(0.0, std::chrono::duration<double>(to - from).count());
}

std::string seconds_text(double s) {
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%.1f s", s);
  } else {
    const long total = std::lround(s);
    std::snprintf(buf, sizeof buf, "%ld min %02ld s", total / 60, total % 60);
  }
  return buf;
}

std::string eta_text(double s) {
  const long total = std::lround(std::ceil(s));
  char buf[32];
  if (total < 60)
    std::snprintf(buf, sizeof buf, "ETA %ld s", total);
  else
    std::snprintf(buf, sizeof buf, "ETA %ld min %02ld s", total / 60, total % 60);
  return buf;
}

}  // namespace

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

void ProgressLines::planned(const ScanOutline& outline) {
  outline_ = outline;
  total_estimate_ = 0;
  for (const auto& [id, rows] : outline_.datasets) total_estimate_ += rows;
}

void ProgressLines::dataset_started(const std::string& dataset, std::int64_t estimated_rows, Time at) {
  end_step(at);
  step_ = Step::kReading;
  label_ = dataset;
  estimate_ = estimated_rows;
  rows_ = 0;
  started_ = last_ = at;
}

void ProgressLines::rows_read(std::int64_t rows, Time at) {
  rows_ = rows;
  last_ = at;
}

void ProgressLines::dataset_finished(std::int64_t rows, Time at) {
  rows_ = rows;
  last_ = at;
  end_step(at);
}

void ProgressLines::set_rule_started(const std::string& rule_id, const std::string& dataset, Time at) {
  end_step(at);
  done_ = std::max(done_, kReading + kSetRules * rule_index_ / std::max(1, outline_.set_rule_runs));
  ++rule_index_;
  step_ = Step::kSetRule;
  label_ = rule_id + (dataset.empty() ? " on every dataset" : " on " + dataset);
  started_ = last_ = at;
}

void ProgressLines::phase(const std::string& what, Time at) {
  if (what == kPhaseStoring) {
    if (step_ != Step::kReading) return;
    end_step(at);
    step_ = Step::kStoring;  // label_ is still the dataset's
    started_ = last_ = at;
    return;
  }
  end_step(at);
  if (what == kPhaseSetRules) {
    done_ = std::max(done_, kReading);
    return;
  }
  if (what == kPhaseMerge) {
    done_ = std::max(done_, kReading + kSetRules);
    step_ = Step::kMerge;
  } else if (what == kPhaseTasks) {
    done_ = std::max(done_, kReading + kSetRules + kMerge);
    step_ = Step::kTasks;
  } else {
    return;
  }
  started_ = last_ = at;
}

void ProgressLines::finished(Time at) {
  end_step(at);
  done_ = 1;
}

// The dataset being read, as a share of the scan: by its estimated rows, or equal shares when
// no estimate is known.
double ProgressLines::reading_weight() const {
  if (total_estimate_ > 0) return kReading * static_cast<double>(estimate_) / static_cast<double>(total_estimate_);
  return kReading / static_cast<double>(std::max<std::size_t>(1, outline_.datasets.size()));
}

double ProgressLines::step_share() const {
  switch (step_) {
    case Step::kReading: {
      return estimate_ > 0 ? reading_weight() * std::min(1.0, static_cast<double>(rows_) / static_cast<double>(estimate_)) : 0;
    }
    case Step::kStoring:
    case Step::kSetRule: return 0;  // a statement tells nothing until it returns
    case Step::kMerge:
    case Step::kTasks:
    case Step::kNone: return 0;
  }
  return 0;
}

double ProgressLines::share() const { return std::min(1.0, done_ + step_share()); }

std::string ProgressLines::prefix() const {
  char buf[16];
  // Never 100% before the end: rounding would claim it while the last phase runs.
  // (The epsilon keeps 0.6 + 0.25 from showing as 84%.)
  const int percent = done_ >= 1 ? 100 : std::min(99, static_cast<int>(std::floor(share() * 100 + 1e-9)));
  std::snprintf(buf, sizeof buf, "[%3d%%] ", percent);
  return buf;
}

void ProgressLines::end_step(Time at) {
  const double took = seconds_between(started_, at);
  std::string line;
  switch (step_) {
    case Step::kNone: return;
    case Step::kReading: {
      done_ = std::min(kReading, done_ + reading_weight());
      const double rate = took > 0 ? static_cast<double>(rows_) / took : 0;
      line = "read " + label_ + ": " + grouped(rows_) + " rows in " + seconds_text(took) + " (" +
             grouped(std::llround(rate)) + " rows/s)";
      break;
    }
    case Step::kStoring: line = "stored " + label_ + "'s values in " + seconds_text(took); break;
    case Step::kSetRule:
      done_ = std::max(done_, kReading + kSetRules * rule_index_ / std::max(1, outline_.set_rule_runs));
      line = "set rule " + std::to_string(rule_index_) + " of " + std::to_string(outline_.set_rule_runs) + ": " +
             label_ + " in " + seconds_text(took);
      break;
    case Step::kMerge:
      done_ = std::max(done_, kReading + kSetRules + kMerge);
      line = "merged findings in " + seconds_text(took);
      break;
    case Step::kTasks:
      done_ = 1;
      line = "opened tasks in " + seconds_text(took);
      break;
  }
  step_ = Step::kNone;
  finished_.push_back(prefix() + line);
}

std::string ProgressLines::live(Time now) const {
  const double took = seconds_between(started_, now);
  switch (step_) {
    case Step::kNone: return "";
    case Step::kReading: {
      const double elapsed = seconds_between(started_, last_);
      const double rate = elapsed > 0 ? static_cast<double>(rows_) / elapsed : 0;
      std::string line = prefix() + "reading " + label_ + ": " + grouped(rows_);
      if (estimate_ > 0) line += " of ~" + grouped(estimate_);
      line += " rows, " + grouped(std::llround(rate)) + " rows/s, ";
      line += rate > 0 && estimate_ > rows_ ? eta_text(static_cast<double>(estimate_ - rows_) / rate) : "ETA ?";
      return line;
    }
    case Step::kSetRule:
      return prefix() + "set rule " + std::to_string(rule_index_) + " of " + std::to_string(outline_.set_rule_runs) +
             ": " + label_ + ", " + seconds_text(took);
    case Step::kStoring: return prefix() + "storing " + label_ + "'s values, " + seconds_text(took);
    case Step::kMerge: return prefix() + "merging findings, " + seconds_text(took);
    case Step::kTasks: return prefix() + "opening tasks, " + seconds_text(took);
  }
  return "";
}

std::vector<std::string> ProgressLines::take_finished() {
  std::vector<std::string> out;
  out.swap(finished_);
  return out;
}

}  // namespace jiaohe::engine::scan
