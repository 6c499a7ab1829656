#include "rules/normalize/whitespace.hpp"

namespace jiaohe::rules::normalize {

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  while (end > begin && is_ascii_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::string collapse_whitespace(std::string_view text) {
  const std::string_view t = trim(text);
  std::string out;
  out.reserve(t.size());
  bool in_space = false;
  for (char c : t) {
    if (is_ascii_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace jiaohe::rules::normalize
