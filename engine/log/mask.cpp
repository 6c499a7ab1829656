#include "engine/log/mask.hpp"

#include <algorithm>

namespace jiaohe::engine::log {
namespace {

constexpr std::size_t kIdLength = 18;
constexpr std::size_t kKeepHead = 6;
constexpr std::size_t kKeepTail = 4;

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// GB 32100 alphabet: digits and upper-case letters except I, O, Z, S, V.
bool is_uscc_char(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Z' && c != 'S' && c != 'V');
}

bool looks_like_identifier(std::string_view t) {
  if (t.size() != kIdLength) return false;
  const bool citizen_id = std::all_of(t.begin(), t.end() - 1, is_digit) &&
                          (is_digit(t.back()) || t.back() == 'X' || t.back() == 'x');
  return citizen_id || std::all_of(t.begin(), t.end(), is_uscc_char);
}

}  // namespace

std::string mask_identifier(std::string_view value) {
  if (!looks_like_identifier(value)) return std::string(value);
  std::string out(value);
  std::fill(out.begin() + kKeepHead, out.end() - kKeepTail, '*');
  return out;
}

std::string mask_identifiers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_alnum(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_ascii_alnum(text[end])) ++end;
    out += mask_identifier(text.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace jiaohe::engine::log
