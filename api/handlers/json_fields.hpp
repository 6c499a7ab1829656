#pragma once
// How answers write values that may be absent: null rather than "" or a missing key, and
// instants as ISO-8601 with +08:00.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/calendar/local_time.hpp"

namespace jiaohe::api::handlers {

inline nlohmann::json optional_text(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

inline nlohmann::json optional_instant(const std::optional<engine::Instant>& t) {
  return t ? nlohmann::json(engine::calendar::format_instant(*t)) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json optional_value(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace jiaohe::api::handlers
