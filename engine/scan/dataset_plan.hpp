#pragma once
// What the row pass does for one dataset: which columns it reads, how each becomes a canonical
// attribute value (value map, normaliser), and which row checks run on it. Built once per
// scan from the catalogue and the rule pack; pure.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "rules/kinds/row_check.hpp"
#include "rules/normalize/normalizer_registry.hpp"

namespace jiaohe::engine::scan {

struct PlannedColumn {
  std::string column;
  const catalog::AttributeDef* attribute;
  std::map<std::string, std::string, std::less<>> values;  // agency code -> canonical code
  const rules::normalize::Normalizer* normalizer;
};

struct PlannedRowCheck {
  const rules::RuleDef* rule;
  std::unique_ptr<rules::kinds::RowCheck> check;
};

struct DatasetPlan {
  const catalog::DatasetDef* dataset;
  // Read order of the row pass: record key, then one column per slot.
  std::vector<PlannedColumn> columns;
  std::vector<rules::kinds::AttributeSlot> slots;  // same order as columns
  std::size_t key_slot = 0;                        // the subject identifier's slot
  std::vector<PlannedRowCheck> row_checks;
  std::vector<std::size_t> conflict_slots;         // attributes whose normalised values are kept
  std::vector<const rules::RuleDef*> set_rules;    // set rules that apply to this dataset
};

// The rule applies to the dataset (target datasets and attributes).
bool rule_applies(const rules::RuleDef& rule, const catalog::DatasetDef& dataset);

DatasetPlan plan_dataset(const catalog::DatasetDef& dataset, const catalog::Catalogue& catalogue,
                         const rules::RulePack& pack, const rules::kinds::RowContext& context);

}  // namespace jiaohe::engine::scan
