#include "engine/log/mask.hpp"

#include <algorithm>
#include <vector>

namespace jiaohe::engine::log {
namespace {

constexpr std::size_t kIdLength = 18;
constexpr std::size_t kLegacyIdLength = 15;
constexpr std::size_t kKeepHead = 6;
constexpr std::size_t kKeepTail = 4;

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// GB 32100 alphabet: digits and letters except I, O, Z, S, V (either case: people type both).
bool is_uscc_char(char c) {
  const char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return is_digit(u) || (u >= 'A' && u <= 'Z' && u != 'I' && u != 'O' && u != 'Z' && u != 'S' && u != 'V');
}

// Citizen ID numbers (18, or the 15-digit legacy form) and credit codes, as ASCII.
bool looks_like_identifier(std::string_view t) {
  if (t.size() == kLegacyIdLength) return std::all_of(t.begin(), t.end(), is_digit);
  if (t.size() != kIdLength) return false;
  const bool citizen_id = std::all_of(t.begin(), t.end() - 1, is_digit) &&
                          (is_digit(t.back()) || t.back() == 'X' || t.back() == 'x');
  return citizen_id || std::all_of(t.begin(), t.end(), is_uscc_char);
}

// The ASCII letter or digit a character at `text[i]` stands for (full-width forms U+FF10-FF19,
// U+FF21-FF3A, U+FF41-FF5A included: people type identifiers with them), and its length in
// bytes; length 0 when it is neither.
std::pair<char, std::size_t> alnum_at(std::string_view text, std::size_t i) {
  if (is_ascii_alnum(text[i])) return {text[i], 1};
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
    const char32_t cp = 0xF000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    if (cp >= 0xFF10 && cp <= 0xFF19) return {static_cast<char>('0' + (cp - 0xFF10)), 3};
    if (cp >= 0xFF21 && cp <= 0xFF3A) return {static_cast<char>('A' + (cp - 0xFF21)), 3};
    if (cp >= 0xFF41 && cp <= 0xFF5A) return {static_cast<char>('a' + (cp - 0xFF41)), 3};
  }
  return {0, 0};
}

}  // namespace

std::string mask_identifier(std::string_view value) { return mask_identifiers(value); }

std::string mask_identifiers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string token;                 // the run's characters as ASCII
  std::vector<std::size_t> offsets;  // where each character starts in `text`
  std::size_t i = 0;
  while (i < text.size()) {
    if (alnum_at(text, i).second == 0) {
      out.push_back(text[i++]);
      continue;
    }
    token.clear();
    offsets.clear();
    std::size_t end = i;
    while (end < text.size()) {
      const auto [c, n] = alnum_at(text, end);
      if (n == 0) break;
      token.push_back(c);
      offsets.push_back(end);
      end += n;
    }
    if (!looks_like_identifier(token)) {
      out.append(text.substr(i, end - i));
    } else {
      for (std::size_t k = 0; k < token.size(); ++k) {
        const std::size_t next = k + 1 < token.size() ? offsets[k + 1] : end;
        if (k < kKeepHead || k >= token.size() - kKeepTail) {
          out.append(text.substr(offsets[k], next - offsets[k]));
        } else {
          out.push_back('*');
        }
      }
    }
    i = end;
  }
  return out;
}

}  // namespace jiaohe::engine::log
