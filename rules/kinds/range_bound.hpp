#pragma once
// The bounds of a `range` rule (docs/CATALOGUE.md): a number (JSON number), a date
// ("1949-10-01"), or a date relative to the scan day ("today", "-150 years", "+0 days",
// "-18 months"). Pure; the pack loader and the check share it.
#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jiaohe::rules::kinds {

struct RangeBound {
  enum class Kind { kNumber, kDate, kRelativeDate };
  Kind kind = Kind::kNumber;
  double number = 0;                     // kNumber
  std::chrono::year_month_day date{};    // kDate
  int amount = 0;                        // kRelativeDate: signed count of `unit`
  char unit = 'd';                       // 'd', 'm' or 'y'

  bool is_date() const { return kind != Kind::kNumber; }
  // The date this bound stands for on `today` (kDate and kRelativeDate). A month or year step
  // that lands on a day the month lacks (31 February) moves to the month's last day.
  std::chrono::year_month_day date_on(std::chrono::year_month_day today) const;
};

// The bound `value` describes, or nullopt with `error` saying what is expected.
std::optional<RangeBound> parse_range_bound(const nlohmann::json& value, std::string& error);

}  // namespace jiaohe::rules::kinds
