#include "engine/scan/scan_plan.hpp"

#include <algorithm>

#include "engine/calendar/local_time.hpp"
#include "engine/scan/catalogue_check.hpp"
#include "engine/store/row_source.hpp"

namespace jiaohe::engine::scan {

std::vector<DatasetPlan> plan_scan(const std::vector<std::string>& scanned, const catalog::Catalogue& catalogue,
                                   const rules::RulePack& pack, Instant now, store::RowSource& source) {
  const rules::kinds::RowContext context{calendar::local_date_of(now)};
  const auto at = std::chrono::floor<std::chrono::seconds>(now);
  const auto to_read = datasets_to_read(scanned, catalogue, pack);
  // Every table, column and update-column type is checked before a row is read.
  const auto forms = check_datasets(catalogue, to_read, source);
  std::vector<DatasetPlan> plans;
  for (const auto* d : to_read)
    plans.push_back(plan_dataset(*d, catalogue, pack, context, forms.at(d->id), at,
                                 std::find(scanned.begin(), scanned.end(), d->id) != scanned.end()));
  for (auto& plan : plans)
    if (!plan.exposure_rules.empty())
      if (const auto table = source.describe(*plan.dataset)) plan_exposure_columns(plan, *table);
  return plans;
}

}  // namespace jiaohe::engine::scan
