#include "rules/text/utf8.hpp"

namespace jiaohe::rules::text {

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // The ranges of the second byte are what exclude overlongs, surrogates and > U+10FFFF
    // (RFC 3629 section 4).
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((byte(i + k) & 0xC0) != 0x80) return i;
    i += length;
  }
  return std::nullopt;
}

std::optional<std::size_t> invalid_text_at(std::string_view text) {
  const auto nul = text.find('\0');
  const auto bad = invalid_utf8_at(nul == std::string_view::npos ? text : text.substr(0, nul));
  if (bad) return bad;
  if (nul != std::string_view::npos) return nul;
  return std::nullopt;
}

}  // namespace jiaohe::rules::text
