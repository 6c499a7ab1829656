#pragma once
// Whether a rule of the pack can find anything in a catalogue: personal_data_exposure looks only
// at datasets published unconditionally, and the demo catalogue publishes none (so its ground
// truth there is silence; tests/engine/scan/exposure_pgtest.cpp tests that kind).
#include <algorithm>

#include "engine/catalog/catalog.hpp"
#include "rules/kind_registry.hpp"

namespace jiaohe::testing {

inline bool can_find_in(const rules::RuleDef& rule, const engine::catalog::Catalogue& catalogue) {
  if (rules::kind_of(rule).set_kind != rules::SetKind::kPersonalDataExposure) return true;
  return std::any_of(catalogue.datasets.begin(), catalogue.datasets.end(),
                     [](const engine::catalog::DatasetDef& d) { return d.opened_unconditionally(); });
}

}  // namespace jiaohe::testing
