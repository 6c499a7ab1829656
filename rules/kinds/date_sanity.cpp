// date_sanity: a date must parse, not lie after the scan's date, and not before params.min.
#include "rules/kinds/per_attribute_check.hpp"
#include "rules/normalize/date.hpp"

namespace jiaohe::rules::kinds {
namespace {

class DateSanity final : public PerAttributeCheck {
 public:
  DateSanity(std::vector<TargetSlot> targets, std::chrono::year_month_day today, std::chrono::year_month_day min)
      : PerAttributeCheck(std::move(targets)), today_(today), min_(min) {}

 protected:
  std::optional<nlohmann::json> defect(const FieldValue& v) const override {
    if (!v.present) return std::nullopt;
    auto verdict = normalize::normalize_date(v.folded);
    if (!verdict.ok()) return value_evidence(v, normalize::reason_code(verdict.reason));
    const auto date = normalize::date_of(verdict);
    if (date > today_) return value_evidence(v, "in_future");
    if (date < min_) return value_evidence(v, "before_minimum");
    return std::nullopt;
  }

 private:
  std::chrono::year_month_day today_;
  std::chrono::year_month_day min_;
};

}  // namespace

std::unique_ptr<RowCheck> make_date_sanity(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                           const RowContext& context) {
  std::chrono::year_month_day min{std::chrono::year(1900), std::chrono::January, std::chrono::day(1)};
  if (rule.params.contains("min")) min = normalize::date_of(normalize::normalize_date(rule.params["min"].get<std::string>()));
  return make_per_attribute<DateSanity>(rule, slots, context.today, min);
}

}  // namespace jiaohe::rules::kinds
