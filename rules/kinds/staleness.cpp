#include "rules/kinds/staleness.hpp"

namespace jiaohe::rules::kinds {

int max_age_days(const RuleDef& rule, int frequency_days) {
  return frequency_days + rule.params.value("tolerance_days", 0);
}

}  // namespace jiaohe::rules::kinds
