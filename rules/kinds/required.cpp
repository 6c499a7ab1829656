// required: the attribute must have a value (completeness, Art. 20).
#include "rules/kinds/per_attribute_check.hpp"

namespace jiaohe::rules::kinds {
namespace {

class Required final : public PerAttributeCheck {
 public:
  using PerAttributeCheck::PerAttributeCheck;

 protected:
  std::optional<nlohmann::json> defect(const FieldValue& v) const override {
    if (v.present) return std::nullopt;
    return value_evidence(v, "missing");
  }
};

}  // namespace

std::unique_ptr<RowCheck> make_required(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                        const RowContext&) {
  return make_per_attribute<Required>(rule, slots);
}

}  // namespace jiaohe::rules::kinds
