#include "engine/log/log.hpp"

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "engine/log/live_line.hpp"
#include "engine/log/log_time.hpp"
#include "engine/log/mask.hpp"

namespace jiaohe::engine::log {
namespace {

// Minutes east of UTC of log timestamps (log.time_zone); Asia/Shanghai until init() says otherwise.
std::atomic<int> utc_offset_minutes{8 * 60};

// Writes `<time> level=<level> <event>` with the time at the configured offset (spdlog's own
// %z would follow the server's TZ), masks identifiers in the whole line, then writes it to
// stderr in one call.
class MaskingStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string line = format_log_time(msg.time, std::chrono::minutes(utc_offset_minutes.load()));
    line += " level=";
    const auto level = spdlog::level::to_string_view(msg.level);
    line.append(level.data(), level.size());
    line += ' ';
    line.append(msg.payload.data(), msg.payload.size());
    line += '\n';
    // Above the live line, if a terminal shows one (live_line.hpp); otherwise plainly.
    print_above_live_line(mask_identifiers(line));
  }
  void flush_() override { std::fflush(stderr); }
};

std::shared_ptr<spdlog::logger> make_logger() {
  auto logger = std::make_shared<spdlog::logger>("jiaohe", std::make_shared<MaskingStderrSink>());
  logger->flush_on(spdlog::level::info);
  return logger;
}

spdlog::logger& logger() {
  static std::shared_ptr<spdlog::logger> instance = make_logger();
  return *instance;
}

bool needs_quotes(std::string_view v) {
  return v.empty() || v.find_first_of(" \t\"=\n") != std::string_view::npos;
}

void append_value(std::string& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += '"';
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::kDebug: return spdlog::level::debug;
    case Level::kInfo: return spdlog::level::info;
    case Level::kWarn: return spdlog::level::warn;
    case Level::kError: return spdlog::level::err;
  }
  return spdlog::level::info;
}

}  // namespace

Field::Field(std::string_view k, double v) : key(k) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  value = buf;
}

void init(std::string_view level, std::string_view time_zone) {
  logger().set_level(spdlog::level::from_str(std::string(level)));
  if (const auto offset = parse_time_zone(time_zone)) utc_offset_minutes = static_cast<int>(offset->count());
}

std::string format_event(std::string_view name, std::initializer_list<Field> fields) {
  std::string line = "event=";
  line += name;
  for (const auto& f : fields) {
    line += ' ';
    line += f.key;
    line += '=';
    append_value(line, f.value);
  }
  return line;
}

void event(Level level, std::string_view name, std::initializer_list<Field> fields) {
  auto& l = logger();
  if (!l.should_log(to_spdlog(level))) return;
  l.log(to_spdlog(level), "{}", format_event(name, fields));
}

}  // namespace jiaohe::engine::log
