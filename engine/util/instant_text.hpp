#pragma once
// Instants as people type them on the command line: the short forms of the one reading of an
// instant (engine/calendar/local_time.hpp, parse_instant). Asia/Shanghai is UTC+8 all year, so
// it is the default offset.
#include <optional>
#include <string_view>

#include "engine/clock.hpp"

namespace jiaohe::engine::util {

// `2026-03-01` (midnight Asia/Shanghai), `2026-03-01T08:30[:15]` (Asia/Shanghai), or either
// time form followed by `Z` or `+HH:MM` / `-HH:MM`; a space may stand for the `T`.
// nullopt for anything else, including impossible dates and times.
std::optional<Instant> parse_instant(std::string_view text);

}  // namespace jiaohe::engine::util
