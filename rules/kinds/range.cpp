// range: a number or a date must lie within params.min and/or params.max (inclusive unless
// min_exclusive / max_exclusive); a value that is not a number (or date) is outside too. The
// attribute's type (number or date) says which.
#include <charconv>

#include "rules/kinds/per_attribute_check.hpp"
#include "rules/kinds/range_bound.hpp"
#include "rules/normalize/date.hpp"
#include "rules/normalize/number.hpp"

namespace jiaohe::rules::kinds {
namespace {

struct Limits {
  std::optional<RangeBound> min, max;
  bool min_exclusive = false, max_exclusive = false;
};

class Range final : public PerAttributeCheck {
 public:
  Range(std::vector<TargetSlot> targets, bool dates, const Limits& limits, std::chrono::year_month_day today)
      : PerAttributeCheck(std::move(targets)), dates_(dates), limits_(limits) {
    if (dates_) {
      if (limits.min) min_date_ = limits.min->date_on(today);
      if (limits.max) max_date_ = limits.max->date_on(today);
    }
  }

 protected:
  std::optional<nlohmann::json> defect(const FieldValue& v) const override {
    if (!v.present) return std::nullopt;
    int below = 0, above = 0;  // <0: outside, 0: inside
    if (dates_) {
      const auto verdict = normalize::normalize_date(v.folded);
      if (!verdict.ok()) return value_evidence(v, "not_a_date");
      const auto d = normalize::date_of(verdict);
      if (limits_.min) below = d < *min_date_ || (limits_.min_exclusive && d == *min_date_);
      if (limits_.max) above = d > *max_date_ || (limits_.max_exclusive && d == *max_date_);
    } else {
      thread_local std::string canonical;
      const auto n = normalize::normalize_number(v.folded, canonical);
      if (n.reason != normalize::NumberReason::kOk) return value_evidence(v, "not_a_number");
      if (limits_.min) below = n.value < limits_.min->number || (limits_.min_exclusive && n.value == limits_.min->number);
      if (limits_.max) above = n.value > limits_.max->number || (limits_.max_exclusive && n.value == limits_.max->number);
    }
    if (below) return with_bound(value_evidence(v, "below_minimum"), true);
    if (above) return with_bound(value_evidence(v, "above_maximum"), false);
    return std::nullopt;
  }

 private:
  nlohmann::json with_bound(nlohmann::json e, bool minimum) const {
    const auto& d = minimum ? min_date_ : max_date_;
    const auto& b = minimum ? limits_.min : limits_.max;
    if (dates_) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d->year()), static_cast<unsigned>(d->month()),
                    static_cast<unsigned>(d->day()));
      e[minimum ? "min" : "max"] = buf;
    } else {
      e[minimum ? "min" : "max"] = b->number;
    }
    return e;
  }

  bool dates_;
  Limits limits_;
  std::optional<std::chrono::year_month_day> min_date_, max_date_;
};

}  // namespace

std::unique_ptr<RowCheck> make_range(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                     const RowContext& context) {
  Limits limits;
  std::string error;
  if (rule.params.contains("min")) limits.min = parse_range_bound(rule.params["min"], error);
  if (rule.params.contains("max")) limits.max = parse_range_bound(rule.params["max"], error);
  limits.min_exclusive = rule.params.value("min_exclusive", false);
  limits.max_exclusive = rule.params.value("max_exclusive", false);
  std::vector<TargetSlot> dates, numbers;
  for (auto& t : target_slots(rule, slots)) (slots[t.index].type == "date" ? dates : numbers).push_back(t);
  // The pack check (catalog) makes sure the bounds fit the attribute types; one check per kind.
  if (!dates.empty() && !numbers.empty()) return nullptr;
  if (!dates.empty()) return std::make_unique<Range>(std::move(dates), true, limits, context.today);
  if (!numbers.empty()) return std::make_unique<Range>(std::move(numbers), false, limits, context.today);
  return nullptr;
}

}  // namespace jiaohe::rules::kinds
