#include "engine/util/instant_text.hpp"

#include <string>

#include "engine/calendar/local_time.hpp"

namespace jiaohe::engine::util {

// The short forms completed to the one ISO-8601 reading of an instant (calendar::parse_instant):
// a missing time is midnight, missing seconds are :00, a missing offset is Asia/Shanghai's.
std::optional<Instant> parse_instant(std::string_view text) {
  std::string full(text);
  if (full.size() == 10) {
    full += "T00:00:00";
  } else if (full.size() >= 16 && (full[10] == 'T' || full[10] == ' ')) {
    full[10] = 'T';
    if (full.size() == 16 || full[16] != ':') full.insert(16, ":00");
  } else {
    return std::nullopt;
  }
  if (full.size() == 19) full += "+08:00";
  return calendar::parse_instant(full);
}

}  // namespace jiaohe::engine::util
