#include "rules/normalize/full_width.hpp"

namespace jiaohe::rules::normalize {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }
}  // namespace

FoldedChar next_folded(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  // ASCII first: it is nearly every byte of a nightly scan.
  if (b0 < 0x80) return {b0, 1};
  std::size_t need = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3;
    c = b0 & 0x07;
  } else {
    return {kReplacement, 1};
  }
  if (pos + need >= text.size()) return {kReplacement, 1};  // truncated sequence
  for (std::size_t i = 1; i <= need; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if (!continuation(b)) return {kReplacement, 1};
    c = (c << 6) | (b & 0x3F);
  }
  return {fold_width(c), static_cast<std::uint8_t>(need + 1)};
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string fold_full_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const FoldedChar f = next_folded(text, pos);
    if (f.code_point == kReplacement && f.length == 1) {
      out.push_back(text[pos]);  // keep malformed bytes: folding must not lose data
    } else {
      append_utf8(out, f.code_point);
    }
    pos += f.length;
  }
  return out;
}

}  // namespace jiaohe::rules::normalize
