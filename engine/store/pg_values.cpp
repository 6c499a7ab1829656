#include "engine/store/pg_values.hpp"

#include <chrono>
#include <cstdio>

namespace jiaohe::engine::store {

std::string to_pg_timestamp(Instant t) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss hms(seconds - day);
  const auto micros = (t - seconds).count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld:%02ld.%06ld+00", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()), static_cast<long>(micros));
  return buf;
}

std::optional<std::string> pg_time(const std::optional<Instant>& t) {
  return t ? std::optional<std::string>(to_pg_timestamp(*t)) : std::nullopt;
}

std::string pg_array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::optional<Instant> instant_of(const pqxx::field& micros) {
  if (micros.is_null()) return std::nullopt;
  return Instant(std::chrono::microseconds(micros.as<std::int64_t>()));
}

std::vector<std::string> split_unit_separated(const std::string& joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  for (std::size_t start = 0;;) {
    const auto end = joined.find('\x1f', start);
    out.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

}  // namespace jiaohe::engine::store
