#pragma once
// Structured logging: one line per event, `<time> level=<level> event=<name> key=value ...`,
// through spdlog, on stderr; the time is in log.time_zone (default Asia/Shanghai, +08:00).
// Every line passes through mask_identifiers() in the sink, so no caller can leak an ID.
#include <concepts>
#include <initializer_list>
#include <string>
#include <string_view>

namespace jiaohe::engine::log {

struct Field {
  std::string key;
  std::string value;

  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  template <std::integral T>
  Field(std::string_view k, T v) : key(k), value(std::to_string(v)) {}
  Field(std::string_view k, double v);
};

enum class Level { kDebug, kInfo, kWarn, kError };

// Sets up the process-wide logger on stderr with the given level name (Config::log_level) and
// the time zone of its timestamps (Config::log_time_zone, see log_time.hpp; checked when the
// configuration is loaded, an unknown zone keeps the default).
void init(std::string_view level, std::string_view time_zone = "Asia/Shanghai");

void event(Level level, std::string_view name, std::initializer_list<Field> fields = {});
inline void debug(std::string_view name, std::initializer_list<Field> f = {}) { event(Level::kDebug, name, f); }
inline void info(std::string_view name, std::initializer_list<Field> f = {}) { event(Level::kInfo, name, f); }
inline void warn(std::string_view name, std::initializer_list<Field> f = {}) { event(Level::kWarn, name, f); }
inline void error(std::string_view name, std::initializer_list<Field> f = {}) { event(Level::kError, name, f); }

// The text of one event line without timestamp and level (exposed for tests).
std::string format_event(std::string_view name, std::initializer_list<Field> fields);

}  // namespace jiaohe::engine::log
