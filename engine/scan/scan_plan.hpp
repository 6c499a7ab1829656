#pragma once
// The plans of every dataset one scan reads, made alike by the scan's coordinator and by each
// worker that claims one of its units: the datasets checked against the database first (a
// catalogue mistake is an error before any row is read), then one DatasetPlan each, in the
// order of datasets_to_read() (the units' order).
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "rules/rule.hpp"

namespace jiaohe::engine::store {
class RowSource;
}

namespace jiaohe::engine::scan {

// `scanned`: the datasets the scan checks (the others it reads are bases of referential
// rules); `now`: the scan's instant.
std::vector<DatasetPlan> plan_scan(const std::vector<std::string>& scanned, const catalog::Catalogue& catalogue,
                                   const rules::RulePack& pack, Instant now, store::RowSource& source);

}  // namespace jiaohe::engine::scan
