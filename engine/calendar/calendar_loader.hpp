#pragma once
// Loading data/calendars/: every <id>.json is one State Council notice, fixed-holidays.json the
// regulation's fixed dates. Notices are merged and checked against each other here.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/calendar/working_calendar.hpp"

namespace jiaohe::engine::calendar {

inline constexpr const char* kFixedHolidaysFile = "fixed-holidays.json";

// Loads and validates the folder; throws engine::Error(kInvalidInput) naming the file and the
// date or field at fault. The calendar's version is a SHA-256 over the files' names and bytes.
WorkingCalendar load_calendar(const std::filesystem::path& dir);

// Years among this one and the next that no notice covers (what `jiaohe` warns about at start).
std::vector<int> missing_years(const WorkingCalendar& calendar, LocalDay today);

}  // namespace jiaohe::engine::calendar
