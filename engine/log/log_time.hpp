#pragma once
// The time zone of log timestamps (config key log.time_zone). The default is Asia/Shanghai,
// +08:00, the zone every legal deadline is counted in, so a log line and the deadline it
// mentions read alike whatever the server's own TZ is. g++ 12 has no time-zone database:
// besides "Asia/Shanghai" (no daylight saving since 1991) and "UTC", only fixed offsets
// "+HH:MM" / "-HH:MM" are accepted; other zone names are refused, not guessed.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jiaohe::engine::log {

inline constexpr const char* kDefaultTimeZone = "Asia/Shanghai";

// The UTC offset of `zone`, or nullopt when it is not one of the accepted forms.
std::optional<std::chrono::minutes> parse_time_zone(std::string_view zone);

// "2026-11-28T05:24:00.123+08:00": local time at `offset` with milliseconds.
std::string format_log_time(std::chrono::system_clock::time_point t, std::chrono::minutes offset);

}  // namespace jiaohe::engine::log
