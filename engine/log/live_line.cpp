#include "engine/log/live_line.hpp"

#include <cstdio>
#include <mutex>
#include <string>

namespace jiaohe::engine::log {
namespace {

std::mutex& lock() {
  static std::mutex m;
  return m;
}
std::string& current() {
  static std::string line;
  return line;
}

constexpr std::string_view kEraseLine = "\r\033[K";

void write(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); }

}  // namespace

void show_live_line(std::string_view text) {
  std::lock_guard guard(lock());
  write(kEraseLine);
  write(text);
  current() = text;
  std::fflush(stderr);
}

// `text` ends in a newline when it comes from the log sink; a line from the caller gets one.
void print_above_live_line(std::string_view text) {
  std::lock_guard guard(lock());
  if (!current().empty()) write(kEraseLine);
  write(text);
  if (text.empty() || text.back() != '\n') write("\n");
  write(current());
  std::fflush(stderr);
}

void clear_live_line() {
  std::lock_guard guard(lock());
  if (current().empty()) return;
  write(kEraseLine);
  current().clear();
  std::fflush(stderr);
}

}  // namespace jiaohe::engine::log
