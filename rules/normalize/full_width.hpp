#pragma once
// Full-width ASCII (U+FF01-FF5E) and the ideographic space (U+3000), as typed by Chinese input
// methods, folded to their half-width forms. Shared by the text normaliser and the validators.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jiaohe::rules::normalize {

// One decoded character after folding.
struct FoldedChar {
  char32_t code_point = 0;  // folded: full-width forms become ASCII; U+FFFD for malformed UTF-8
  std::uint8_t length = 1;  // bytes consumed from the input (at least 1)
};

// Decodes the UTF-8 character at byte `pos` of `text` (pos < text.size()) and folds it.
FoldedChar next_folded(std::string_view text, std::size_t pos);

// The code point with full-width ASCII and U+3000 folded; others unchanged.
constexpr char32_t fold_width(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x3000) return U' ';
  return c;
}

// Appends `c` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

// `text` with every full-width ASCII character and U+3000 folded; malformed bytes kept as is.
std::string fold_full_width(std::string_view text);

}  // namespace jiaohe::rules::normalize
