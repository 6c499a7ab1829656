#pragma once
// What a deadline was computed from, stored with a task so the same inputs always give the same
// deadline and a provisional one can be recomputed when the missing year's notice is loaded.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/deadlines/extension.hpp"
#include "engine/deadlines/time_limit.hpp"

namespace jiaohe::engine::deadlines {

// A stopped clock (hearing, inspection, consulting a third party); `end` empty while open.
struct Pause {
  Instant start;
  std::optional<Instant> end;
  bool operator==(const Pause&) const = default;
};

struct DeadlineBasis {
  Instant receipt;                      // when the step's clock started
  TimeLimit limit;                      // the step's limit before any extension
  std::optional<Extension> extension;   // granted extension, if any
  std::vector<Pause> pauses;            // recorded pause intervals
  std::string calendar_version;         // calendar used for the stored deadline
  std::string profile_id;               // statute profile, e.g. "zhejiang-2022" (may be empty)
  std::string profile_version;
  std::string procedure;                // e.g. "verify_dispute"
  bool operator==(const DeadlineBasis&) const = default;
};

// JSON with instants as ISO-8601 strings in +08:00; from_json validates and names the field.
nlohmann::json to_json(const DeadlineBasis& basis);
DeadlineBasis basis_from_json(const nlohmann::json& doc);

}  // namespace jiaohe::engine::deadlines
