// pattern: the normalised value (or the trimmed raw value when the normaliser rejects it) must
// fully match params.regex.
#include <regex>

#include "rules/kinds/per_attribute_check.hpp"

namespace jiaohe::rules::kinds {
namespace {

class Pattern final : public PerAttributeCheck {
 public:
  Pattern(std::vector<TargetSlot> targets, const std::string& regex)
      : PerAttributeCheck(std::move(targets)), regex_(regex, std::regex::ECMAScript | std::regex::optimize) {}

 protected:
  std::optional<nlohmann::json> defect(const FieldValue& v) const override {
    if (!v.present) return std::nullopt;
    const std::string_view text = v.normalized_ok ? v.normalized : v.folded;
    if (std::regex_match(text.begin(), text.end(), regex_)) return std::nullopt;
    return value_evidence(v, "pattern_mismatch");
  }

 private:
  std::regex regex_;
};

}  // namespace

std::unique_ptr<RowCheck> make_pattern(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                       const RowContext&) {
  return make_per_attribute<Pattern>(rule, slots, rule.params.at("regex").get<std::string>());
}

}  // namespace jiaohe::rules::kinds
