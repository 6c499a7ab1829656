#include "rules/ids/identifier_text.hpp"

#include "rules/normalize/casefold.hpp"
#include "rules/normalize/full_width.hpp"
#include "rules/normalize/whitespace.hpp"

namespace jiaohe::rules::ids {

FoldedIdentifier fold_identifier(std::string_view text) {
  FoldedIdentifier out;
  std::size_t count = 0;       // characters written so far, including internal spaces
  std::size_t last_solid = 0;  // count just after the last non-space character
  for (std::size_t pos = 0; pos < text.size();) {
    const normalize::FoldedChar f = normalize::next_folded(text, pos);
    pos += f.length;
    const bool ascii = f.code_point < 0x80;
    const char c = ascii ? static_cast<char>(f.code_point) : kForeignChar;
    if (ascii && normalize::is_ascii_space(c)) {
      if (count == 0) continue;  // leading white space
    }
    if (count < kFoldedCapacity) out.chars[count] = normalize::to_upper_ascii(c);
    ++count;
    if (!(ascii && normalize::is_ascii_space(c))) last_solid = count;
  }
  out.length = last_solid;  // drops trailing white space
  return out;
}

}  // namespace jiaohe::rules::ids
