#pragma once
// The holidays the regulation itself fixes by date (全国年节及纪念日放假办法 Art. 2: 1 Jan,
// 1-2 May, 1-3 Oct since 2025), loaded from data/calendars/fixed-holidays.json. They are what
// we know of a year before its State Council notice is published, so provisional deadlines
// for that year skip them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/calendar/local_time.hpp"

namespace jiaohe::engine::calendar {

class FixedHolidays {
 public:
  struct Version {
    LocalDay in_force_from;
    std::string source;
    std::vector<std::pair<unsigned, unsigned>> month_days;  // (month, day)
  };

  FixedHolidays() = default;
  explicit FixedHolidays(std::vector<Version> versions);

  // Whether the regulation in force on `day` makes it a holiday.
  bool is_fixed_holiday(LocalDay day) const;

 private:
  std::vector<Version> versions_;  // newest first
};

// Validates and converts fixed-holidays.json; errors name `file` and the field.
FixedHolidays parse_fixed_holidays(const nlohmann::json& doc, const std::string& file);

}  // namespace jiaohe::engine::calendar
