#pragma once
// The instant a record was last updated, from its dataset's update column as the scan reads
// it (as text): timestamp with time zone (read in UTC), timestamp without time zone and date
// (local time of the dataset's zone; a date stands for the end of that day), or text in the
// format the catalogue declares. One parser for staleness, watermarks and incremental scans.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jiaohe::rules::normalize {

enum class UpdateForm { kTimestampTz, kTimestamp, kDate, kText };

struct UpdateColumnForm {
  UpdateForm form = UpdateForm::kTimestampTz;
  int offset_minutes = 8 * 60;  // the zone of local times (Asia/Shanghai: +08:00)
  std::string format;           // kText: %Y %m %d %H %M %S and literal characters
};

using UpdateInstant = std::chrono::sys_seconds;

// The instant `text` stands for, or nullopt when it does not parse (a finding, never an
// error). "infinity" and "-infinity" are the far future and the far past.
std::optional<UpdateInstant> parse_update_instant(std::string_view text, const UpdateColumnForm& form);

// Whether `format` is one parse_update_instant understands (it must hold %Y, %m and %d).
bool valid_update_format(std::string_view format, std::string& error);

// The offset of a zone the catalogue may name: "Asia/Shanghai" (and the other zones of
// mainland China's single time), "UTC", or a fixed offset like "+08:00"; nullopt otherwise.
std::optional<int> zone_offset_minutes(std::string_view zone);

}  // namespace jiaohe::rules::normalize
