// value_in_set: the normalised value must be one of params.values (a value domain).
#include <algorithm>

#include "rules/kinds/per_attribute_check.hpp"

namespace jiaohe::rules::kinds {
namespace {

class ValueInSet final : public PerAttributeCheck {
 public:
  ValueInSet(std::vector<TargetSlot> targets, std::vector<std::string> values)
      : PerAttributeCheck(std::move(targets)), values_(std::move(values)) {}

 protected:
  std::optional<nlohmann::json> defect(const FieldValue& v) const override {
    if (!v.present) return std::nullopt;
    const std::string_view text = v.normalized_ok ? v.normalized : v.folded;
    if (std::find(values_.begin(), values_.end(), text) != values_.end()) return std::nullopt;
    return value_evidence(v, "not_in_domain");
  }

 private:
  std::vector<std::string> values_;
};

}  // namespace

std::unique_ptr<RowCheck> make_value_in_set(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                            const RowContext&) {
  return make_per_attribute<ValueInSet>(rule, slots, rule.params.at("values").get<std::vector<std::string>>());
}

}  // namespace jiaohe::rules::kinds
