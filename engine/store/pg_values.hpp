#pragma once
// Values as the store hands them to PostgreSQL and reads them back: timestamps as UTC text,
// optional parameters as NULL, text[] literals, and instants read from jiaohe_micros(...)
// columns. Internal to engine/store/ (it includes libpqxx).
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "engine/clock.hpp"

namespace jiaohe::engine::store {

// Timestamps as PostgreSQL text in UTC, for parameters.
std::string to_pg_timestamp(Instant t);
// The same, NULL for no instant.
std::optional<std::string> pg_time(const std::optional<Instant>& t);
// An optional text parameter: "" becomes NULL.
inline std::optional<std::string> null_if_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
// A PostgreSQL text[] literal ({"a","b"}) of `items`, for parameters.
std::string pg_array_literal(const std::vector<std::string>& items);

// The items of array_to_string(a text[], chr(31)) (the unit separator never occurs in ids).
std::vector<std::string> split_unit_separated(const std::string& joined);

// An instant from a jiaohe_micros(...) column (microseconds since the epoch), nullopt for NULL.
std::optional<Instant> instant_of(const pqxx::field& micros);

}  // namespace jiaohe::engine::store
