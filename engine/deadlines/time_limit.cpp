#include "engine/deadlines/time_limit.hpp"

#include <array>

namespace jiaohe::engine::deadlines {

namespace {
constexpr std::array<std::pair<TimeUnit, const char*>, 4> kUnits = {{
    {TimeUnit::kWorkingDays, "working_days"},
    {TimeUnit::kNaturalDays, "natural_days"},
    {TimeUnit::kHours, "hours"},
    {TimeUnit::kImmediately, "immediately"},
}};
}  // namespace

std::string unit_name(TimeUnit unit) {
  for (const auto& [u, name] : kUnits)
    if (u == unit) return name;
  return "unknown";
}

std::optional<TimeUnit> parse_unit(std::string_view name) {
  for (const auto& [u, n] : kUnits)
    if (name == n) return u;
  return std::nullopt;
}

const std::vector<std::string>& unit_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [u, n] : kUnits) out.emplace_back(n);
    return out;
  }();
  return names;
}

}  // namespace jiaohe::engine::deadlines
