#include "engine/log/log.hpp"

#include <cstdio>
#include <memory>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "engine/log/mask.hpp"

namespace jiaohe::engine::log {
namespace {

// Masks identifiers in the fully formatted line, then writes it to stderr.
class MaskingStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    const std::string masked = mask_identifiers(std::string_view(formatted.data(), formatted.size()));
    std::fwrite(masked.data(), 1, masked.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

std::shared_ptr<spdlog::logger> make_logger() {
  auto logger = std::make_shared<spdlog::logger>("jiaohe", std::make_shared<MaskingStderrSink>());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z level=%l %v");
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

void init(std::string_view level) {
  logger().set_level(spdlog::level::from_str(std::string(level)));
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
