#pragma once
// White space trimmed at both ends and runs collapsed to one space, so that "Zhang  San " and
// "Zhang San" compare equal across agencies.
#include <string>
#include <string_view>

namespace jiaohe::rules::normalize {

// ASCII white space: space, tab, CR, LF, VT, FF.
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// `text` without leading and trailing ASCII white space (no copy).
std::string_view trim(std::string_view text);

// Trimmed, with every run of ASCII white space replaced by a single space.
std::string collapse_whitespace(std::string_view text);

}  // namespace jiaohe::rules::normalize
