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
  // Read again (its unit taken over after a lost lease): the earlier attempt leaves no line.
  std::erase_if(readings_, [&](const Reading& r) { return r.dataset == dataset; });
  readings_.push_back({dataset, estimated_rows, 0, at, at, false});
}

void ProgressLines::rows_read(const std::string& dataset, std::int64_t rows, Time at) {
  if (const auto r = reading(dataset); r != readings_.end() && !r->storing) {
    r->rows = rows;
    r->last = at;
  }
}

void ProgressLines::dataset_storing(const std::string& dataset, Time at) {
  const auto r = reading(dataset);
  if (r == readings_.end() || r->storing) return;
  end_rows(*r, at);
  r->started = r->last = at;
}

void ProgressLines::dataset_finished(const std::string& dataset, std::int64_t rows, Time at) {
  const auto r = reading(dataset);
  if (r == readings_.end()) return;
  if (!r->storing) {
    r->rows = rows;
    r->last = at;
  }
  end_reading(r, at);
}

void ProgressLines::set_rule_started(const std::string& rule_id, const std::string& dataset, Time at) {
  end_readings(at);
  end_step(at);
  done_ = std::max(done_, kReading + kSetRules * rule_index_ / std::max(1, outline_.set_rule_runs));
  ++rule_index_;
  step_ = Step::kSetRule;
  label_ = rule_id + (dataset.empty() ? " on every dataset" : " on " + dataset);
  started_ = at;
}

void ProgressLines::phase(const std::string& what, Time at) {
  if (what == kPhaseStoring) return;  // per dataset: dataset_storing()
  end_readings(at);
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
  started_ = at;
}

void ProgressLines::finished(Time at) {
  end_readings(at);
  end_step(at);
  done_ = 1;
}

std::vector<ProgressLines::Reading>::iterator ProgressLines::reading(const std::string& dataset) {
  return std::find_if(readings_.begin(), readings_.end(), [&](const Reading& r) { return r.dataset == dataset; });
}

// A dataset being read, as a share of the scan: by its estimated rows, or equal shares when no
// estimate is known.
double ProgressLines::reading_weight(std::int64_t estimate) const {
  if (total_estimate_ > 0) return kReading * static_cast<double>(estimate) / static_cast<double>(total_estimate_);
  return kReading / static_cast<double>(std::max<std::size_t>(1, outline_.datasets.size()));
}

double ProgressLines::share() const {
  double reading = 0;  // a statement (storing, a set rule, the merge) tells nothing until it returns
  for (const auto& r : readings_)
    if (!r.storing && r.estimate > 0)
      reading += reading_weight(r.estimate) * std::min(1.0, static_cast<double>(r.rows) / static_cast<double>(r.estimate));
  return std::min(1.0, done_ + reading);
}

std::string ProgressLines::prefix() const {
  char buf[16];
  // Never 100% before the end: rounding would claim it while the last phase runs.
  // (The epsilon keeps 0.6 + 0.25 from showing as 84%.)
  const int percent = done_ >= 1 ? 100 : std::min(99, static_cast<int>(std::floor(share() * 100 + 1e-9)));
  std::snprintf(buf, sizeof buf, "[%3d%%] ", percent);
  return buf;
}

void ProgressLines::end_rows(Reading& r, Time at) {
  const double took = seconds_between(r.started, at);
  const double rate = took > 0 ? static_cast<double>(r.rows) / took : 0;
  done_ = std::min(kReading, done_ + reading_weight(r.estimate));
  r.storing = true;  // before the prefix: its share is in done_ now, and storing adds none
  finished_.push_back(prefix() + "read " + r.dataset + ": " + grouped(r.rows) + " rows in " + seconds_text(took) +
                      " (" + grouped(std::llround(rate)) + " rows/s)");
}

void ProgressLines::end_reading(std::vector<Reading>::iterator r, Time at) {
  if (!r->storing) {
    end_rows(*r, at);
  } else {
    const double took = seconds_between(r->started, at);
    finished_.push_back(prefix() + "stored " + r->dataset + "'s values in " + seconds_text(took));
  }
  readings_.erase(r);
}

void ProgressLines::end_readings(Time at) {
  while (!readings_.empty()) end_reading(readings_.begin(), at);
}

void ProgressLines::end_step(Time at) {
  const double took = seconds_between(started_, at);
  std::string line;
  switch (step_) {
    case Step::kNone: return;
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

std::string ProgressLines::reading_text(const Reading& r, Time now) const {
  if (r.storing) return "storing " + r.dataset + "'s values, " + seconds_text(seconds_between(r.started, now));
  const double elapsed = seconds_between(r.started, r.last);
  const double rate = elapsed > 0 ? static_cast<double>(r.rows) / elapsed : 0;
  std::string text = "reading " + r.dataset + ": " + grouped(r.rows);
  if (r.estimate > 0) text += " of ~" + grouped(r.estimate);
  text += " rows, " + grouped(std::llround(rate)) + " rows/s, ";
  text += rate > 0 && r.estimate > r.rows ? eta_text(static_cast<double>(r.estimate - r.rows) / rate) : "ETA ?";
  return text;
}

std::string ProgressLines::live(Time now) const {
  const double took = seconds_between(started_, now);
  switch (step_) {
    case Step::kNone: break;
    case Step::kSetRule:
      return prefix() + "set rule " + std::to_string(rule_index_) + " of " + std::to_string(outline_.set_rule_runs) +
             ": " + label_ + ", " + seconds_text(took);
    case Step::kMerge: return prefix() + "merging findings, " + seconds_text(took);
    case Step::kTasks: return prefix() + "opening tasks, " + seconds_text(took);
  }
  if (readings_.empty()) return "";
  std::string line = prefix();
  for (std::size_t i = 0; i < readings_.size(); ++i) line += (i ? " | " : "") + reading_text(readings_[i], now);
  return line;
}

std::vector<std::string> ProgressLines::take_finished() {
  std::vector<std::string> out;
  out.swap(finished_);
  return out;
}

}  // namespace jiaohe::engine::scan
