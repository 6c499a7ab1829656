#pragma once
// Most row kinds test each target attribute on its own; this base does the looping and the
// factory boilerplate so that a kind only says what a bad value is.
#include <optional>

#include "rules/kinds/row_check.hpp"

namespace jiaohe::rules::kinds {

class PerAttributeCheck : public RowCheck {
 public:
  explicit PerAttributeCheck(std::vector<TargetSlot> targets) : targets_(std::move(targets)) {}

  void check(std::span<const FieldValue> row, std::vector<RowDefect>& out) const final {
    for (const auto& t : targets_) {
      if (auto evidence = defect(row[t.index])) out.push_back({t.attribute, std::move(*evidence)});
    }
  }

 protected:
  // The evidence when `value` is defective, nothing when it is fine.
  virtual std::optional<nlohmann::json> defect(const FieldValue& value) const = 0;

 private:
  std::vector<TargetSlot> targets_;
};

// Builds a PerAttributeCheck subclass when the rule has targets in this dataset.
template <class Check, class... Args>
std::unique_ptr<RowCheck> make_per_attribute(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                             Args&&... args) {
  auto targets = target_slots(rule, slots);
  if (targets.empty()) return nullptr;
  return std::make_unique<Check>(std::move(targets), std::forward<Args>(args)...);
}

// Evidence for a value with an optional reason code.
inline nlohmann::json value_evidence(const FieldValue& v, std::string_view reason = {}) {
  nlohmann::json e = {{"value", std::string(v.raw)}};
  if (!reason.empty()) e["reason"] = std::string(reason);
  return e;
}

}  // namespace jiaohe::rules::kinds
