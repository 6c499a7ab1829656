#include "rules/normalize/casefold.hpp"

namespace jiaohe::rules::normalize {

std::string casefold_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = to_lower_ascii(c);
  return out;
}

}  // namespace jiaohe::rules::normalize
