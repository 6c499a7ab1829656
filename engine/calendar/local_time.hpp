#pragma once
// Dates and instants in China Standard Time. Asia/Shanghai is UTC+8 with no daylight saving
// since 1991, and g++ 12 has no std::chrono time zones, so a fixed +8h offset is exact for
// every date the calendar supports (1991 onwards). Instants are stored in UTC (Instant) and
// shown with "+08:00".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "engine/clock.hpp"

namespace jiaohe::engine::calendar {

// A calendar date in Asia/Shanghai (days since 1970-01-01).
using LocalDay = std::chrono::sys_days;

inline constexpr std::chrono::hours kShanghaiOffset{8};

// The local date on which `t` falls.
LocalDay local_day_of(Instant t);
// The same as a calendar date: "today" in Asia/Shanghai for ID checks and the scan's row checks.
std::chrono::year_month_day local_date_of(Instant t);
// 00:00 local time of `day` as a UTC instant; the end (24:00) of a day is the start of the next.
Instant start_of_local_day(LocalDay day);

// "YYYY-MM-DD" with a real date, else nullopt.
std::optional<LocalDay> parse_date(std::string_view text);
std::string format_date(LocalDay day);
int year_of(LocalDay day);

// How much of an instant its text must spell out.
enum class InstantForm {
  kFull,   // ISO-8601 with seconds and an offset: what Jiaohe writes, stores and exchanges
  kTyped,  // also the short forms people type on a command line or in a query: `2026-03-01`
           // (its midnight), `2026-03-01T08:30` (no seconds), a space for the `T`, and no
           // offset (then Asia/Shanghai, UTC+8 all year)
};

// The one reading of an instant. kFull: ISO-8601 "YYYY-MM-DDTHH:MM:SS[.f{1,6}]" followed by
// "Z" or "+HH:MM"/"-HH:MM" (an offset is required: in exchanged data a bare local time would be
// ambiguous). kTyped completes the short forms to that. On failure returns nullopt and sets
// `error` to what was wrong.
std::optional<Instant> parse_instant(std::string_view text, std::string* error = nullptr,
                                     InstantForm form = InstantForm::kFull);
// "YYYY-MM-DDTHH:MM:SS+08:00", with ".ffffff" only when there are sub-second digits.
std::string format_instant(Instant t);

}  // namespace jiaohe::engine::calendar
