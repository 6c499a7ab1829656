#pragma once
// row_staleness and dataset_staleness (Art. 28): a record, or a dataset's newest record, is
// stale when its last update lies more than the dataset's promised update period plus the
// rule's tolerance_days before the scan instant. A last update that is missing or does not
// parse counts as stale: nobody can say it is fresh. The scan evaluates both on every row of
// every scan (engine/scan/row_evaluator.cpp); this is the arithmetic.
#include <chrono>
#include <optional>

#include "rules/rule.hpp"

namespace jiaohe::rules::kinds {

// The period the frequency promises plus params.tolerance_days.
int max_age_days(const RuleDef& rule, int frequency_days);

// The oldest fresh instant for a scan at `now`.
inline std::chrono::sys_seconds stale_before(std::chrono::sys_seconds now, int max_age_days) {
  return now - std::chrono::days{max_age_days};
}

inline bool is_stale(const std::optional<std::chrono::sys_seconds>& last_update, std::chrono::sys_seconds cutoff) {
  return !last_update || *last_update < cutoff;
}

}  // namespace jiaohe::rules::kinds
