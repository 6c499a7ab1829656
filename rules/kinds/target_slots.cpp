#include <algorithm>

#include "rules/kinds/row_check.hpp"

namespace jiaohe::rules::kinds {

int slot_of(const std::vector<AttributeSlot>& slots, std::string_view attribute) {
  for (std::size_t i = 0; i < slots.size(); ++i)
    if (slots[i].name == attribute) return static_cast<int>(i);
  return -1;
}

bool has_defect(const std::vector<RowDefect>& out, std::string_view attribute) {
  return std::any_of(out.begin(), out.end(), [&](const RowDefect& d) { return d.attribute == attribute; });
}

std::vector<TargetSlot> target_slots(const RuleDef& rule, const std::vector<AttributeSlot>& slots) {
  std::vector<TargetSlot> out;
  for (const auto& attribute : rule.attributes)
    if (int i = slot_of(slots, attribute); i >= 0) out.push_back({static_cast<std::size_t>(i), attribute});
  return out;
}

}  // namespace jiaohe::rules::kinds
