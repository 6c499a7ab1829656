#pragma once
// The two writers an answer's member list is written through: a nlohmann object, or text
// (engine/util/json_text.hpp) for answers on the hot paths. A document's members are listed once,
// in key order (the order nlohmann's objects dump in), as a template over the writer, so the tree
// and the text cannot drift apart; tests/api/json_text_test.cpp checks they are byte for byte
// equal. Absent values are std::nullopt and written as null.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/calendar/local_time.hpp"
#include "engine/util/json_text.hpp"

namespace jiaohe::api::handlers {

inline std::optional<std::string> text_or_null(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional(s);
}
inline std::optional<std::string> instant_text(const std::optional<engine::Instant>& t) {
  return t ? std::optional(engine::calendar::format_instant(*t)) : std::nullopt;
}

struct TreeFields {
  nlohmann::json& j;
  template <typename V>
  void field(const char* key, const V& value) {
    j[key] = value;
  }
  template <typename V>
  void field(const char* key, const std::optional<V>& value) {
    j[key] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  }
};

struct TextFields {
  engine::util::JsonObjectText& o;
  template <typename V>
  void field(const char* key, const V& value) {
    o.field(key, value);
  }
};

}  // namespace jiaohe::api::handlers
