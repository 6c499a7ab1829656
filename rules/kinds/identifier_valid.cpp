// identifier_valid: citizen ID numbers (GB 11643) and credit codes (GB 32100) must validate.
// params.legacy_15: a 15-digit number is valid (upgraded); params.future_birth_date_is_defect
// (default true): false leaves a future birth date in the number to date_sanity.
#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/kinds/per_attribute_check.hpp"

namespace jiaohe::rules::kinds {
namespace {

class IdentifierValid final : public RowCheck {
 public:
  struct Target {
    TargetSlot slot;
    bool citizen;  // otherwise a credit code
  };
  IdentifierValid(std::vector<Target> targets, ids::CitizenIdOptions options)
      : targets_(std::move(targets)), options_(options) {}

  void check(std::span<const FieldValue> row, std::vector<RowDefect>& out) const override {
    for (const auto& t : targets_) {
      const FieldValue& v = row[t.slot.index];
      if (!v.present) continue;
      std::string_view reason;
      if (t.citizen) {
        auto verdict = ids::validate_citizen_id(v.folded, options_);
        if (!verdict.ok()) reason = ids::reason_code(verdict.reason);
      } else {
        auto verdict = ids::validate_credit_code(v.folded);
        if (!verdict.ok()) reason = ids::reason_code(verdict.reason);
      }
      if (!reason.empty()) out.push_back({t.slot.attribute, value_evidence(v, reason)});
    }
  }

 private:
  std::vector<Target> targets_;
  ids::CitizenIdOptions options_;
};

}  // namespace

std::unique_ptr<RowCheck> make_identifier_valid(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                                const RowContext& context) {
  std::vector<IdentifierValid::Target> targets;
  for (auto& t : target_slots(rule, slots)) {
    const auto& type = slots[t.index].type;
    if (type == "citizen_id" || type == "credit_code") targets.push_back({t, type == "citizen_id"});
  }
  if (targets.empty()) return nullptr;
  using namespace std::chrono;
  const bool future_is_defect = rule.params.value("future_birth_date_is_defect", true);
  ids::CitizenIdOptions options{future_is_defect ? context.today : year::max() / December / 31,
                                rule.params.value("legacy_15", false)};
  return std::make_unique<IdentifierValid>(std::move(targets), options);
}

}  // namespace jiaohe::rules::kinds
