#pragma once
// The Unicode layer every normaliser stands on (docs/CATALOGUE.md, "Normalisation"): what a
// blank character is, and one folding of text (NFKC, blanks trimmed, invisible characters
// dropped, white space kept, collapsed or removed) from which every normaliser starts. ICU
// supplies NFKC and the character classes (docs/IDENTIFIERS.md says why ICU); it stays an
// implementation detail of this file.
#include <string>
#include <string_view>

namespace jiaohe::rules::normalize {

// Blank: Unicode White_Space (space, tab, newlines, U+00A0, U+2000-200A, U+3000, ...), a control
// character, or a Default_Ignorable_Code_Point (U+200B, U+200C/D, U+2060, U+FEFF, ...).
bool is_blank_char(char32_t c);
// True when `text` is empty or has only blank characters (and for malformed UTF-8: never).
bool is_blank(std::string_view text);
// `text` without blank characters at either end (no copy, no other change).
std::string_view trim_blank(std::string_view text);

// What folding does with white space between visible characters.
enum class Spaces {
  kCollapse,  // each run becomes one ASCII space
  kRemove,    // runs are dropped
  kName,      // dropped next to a CJK character or a middle dot, else one space (person names)
};

enum class Case { kKeep, kUpper, kLower };

struct TextFold {
  Spaces spaces = Spaces::kCollapse;
  Case letter_case = Case::kKeep;  // Unicode simple case mapping
  bool middle_dots = false;  // the middle-dot variants of minority names become U+00B7
};

// NFKC of `text`; then blank characters at both ends dropped, default-ignorable characters
// dropped everywhere, white space (after NFKC: U+3000 and NBSP are spaces) handled as `fold`
// says. Malformed UTF-8 bytes become U+FFFD. Writes into `out` (replacing it), so a caller that
// reuses `out` allocates nothing once it is large enough.
void fold_text(std::string_view text, const TextFold& fold, std::string& out);
std::string fold_text(std::string_view text, const TextFold& fold);

}  // namespace jiaohe::rules::normalize
