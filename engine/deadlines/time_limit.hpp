#pragma once
// A statutory time limit: an amount and the unit statutes count it in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine::deadlines {

enum class TimeUnit {
  kWorkingDays,  // 工作日: receipt day not counted, ends 24:00 of the N-th working day after it
  kNaturalDays,  // 日: receipt day not counted; a last day that is a rest day moves to the next
                 // working day (Civil Code Art. 201, 203)
  kHours,        // exact hours from the receipt instant
  kImmediately,  // 立即: a short limit whose amount is the configured number of hours
};

struct TimeLimit {
  std::int64_t amount = 0;
  TimeUnit unit = TimeUnit::kWorkingDays;
  bool operator==(const TimeLimit&) const = default;
};

// "working_days", "natural_days", "hours", "immediately": the names used in data files and JSON.
std::string unit_name(TimeUnit unit);
std::optional<TimeUnit> parse_unit(std::string_view name);
const std::vector<std::string>& unit_names();

}  // namespace jiaohe::engine::deadlines
