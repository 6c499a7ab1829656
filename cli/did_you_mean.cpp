#include "cli/did_you_mean.hpp"

#include <algorithm>

#include "rules/text/suggest.hpp"

namespace jiaohe::cli {
namespace {

bool is_transposition(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a == b) return false;
  std::size_t i = 0;
  while (a[i] == b[i]) ++i;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view typed, const std::vector<std::string>& names) {
  if (typed.empty()) return std::nullopt;
  for (const auto& n : names)
    if (is_transposition(typed, n)) return n;
  if (auto near = rules::text::nearest_name(typed, names)) return near;
  if (typed.size() < 2) return std::nullopt;
  std::optional<std::string> only;
  for (const auto& n : names) {
    if (n.rfind(typed, 0) != 0) continue;
    if (only) return std::nullopt;  // the start of several names: no guess
    only = n;
  }
  return only;
}

}  // namespace jiaohe::cli
