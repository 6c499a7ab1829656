#pragma once
// What a scan does for one dataset: which columns it reads, how each becomes a canonical
// attribute value (the one normalisation: normaliser, value map), which row checks run on it
// (value-level first, then record-level), which values it stages for the set rules
// (comparison keys, conflict values), and the staleness rules. Built once per scan from the
// catalogue, the rule pack and the database's description of the update column; pure.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "rules/kinds/row_check.hpp"
#include "rules/normalize/normalizer_registry.hpp"
#include "rules/normalize/update_instant.hpp"

namespace jiaohe::engine::scan {

struct PlannedColumn {
  std::string column;
  const catalog::AttributeDef* attribute;
  const rules::normalize::Normalizer* normalizer;
  rules::normalize::NormalizeContext context;  // legacy numbers as the attribute allows; no clock
  std::map<std::string, std::string> values;   // agency code -> canonical code
};

struct PlannedRowCheck {
  const rules::RuleDef* rule;
  std::unique_ptr<rules::kinds::RowCheck> check;
};

struct PlannedStaleness {
  const rules::RuleDef* rule;
  std::chrono::sys_seconds stale_before;  // last updates before this are stale
  int max_age_days;
};

struct DatasetPlan {
  const catalog::DatasetDef* dataset;
  bool scanned = true;  // false: read only for its keys, as the base of a referential rule
  rules::normalize::UpdateColumnForm update;
  // Read order: record key, then one column per slot, then the update column.
  std::vector<PlannedColumn> columns;
  std::vector<rules::kinds::AttributeSlot> slots;  // same order as columns
  std::size_t key_slot = 0;                        // the subject identifier's slot
  std::vector<PlannedRowCheck> row_checks;
  std::vector<std::size_t> conflict_slots;         // normalised values kept for conflicts
  std::vector<std::size_t> key_slots;              // comparison keys staged for unique_key / referential
  std::vector<const rules::RuleDef*> set_rules;    // set rules that run in SQL for this dataset
  std::vector<PlannedStaleness> row_staleness, dataset_staleness;
  // personal_data_exposure rules (only for a dataset published unconditionally): they look at
  // the raw text of every column of the table, so the read takes the columns the mapping does
  // not, after the slots' columns and before the update column.
  std::vector<const rules::RuleDef*> exposure_rules;
  std::vector<std::string> unmapped_columns;
  struct ExposureField {
    std::size_t field;   // index in a read line: 0 the record key, 1..n the slots, then unmapped
    std::string column;  // each column of the table once
  };
  std::vector<ExposureField> exposure_fields;

  // Every column a read line holds between the record key and the update column.
  std::vector<std::string> read_columns() const;
};

// The rule applies to the dataset (target datasets and attributes).
bool rule_applies(const rules::RuleDef& rule, const catalog::DatasetDef& dataset);

DatasetPlan plan_dataset(const catalog::DatasetDef& dataset, const catalog::Catalogue& catalogue,
                         const rules::RulePack& pack, const rules::kinds::RowContext& context,
                         const rules::normalize::UpdateColumnForm& update, std::chrono::sys_seconds now,
                         bool scanned);

// For a plan with exposure rules: the columns of `table` (name -> type, as the database
// describes it) that the read must add, and which field of a read line is which column.
void plan_exposure_columns(DatasetPlan& plan, const std::map<std::string, std::string>& table);

// The datasets a scan of `scanned` reads: those, then the base datasets of referential rules
// that apply to them (read for their keys only).
std::vector<const catalog::DatasetDef*> datasets_to_read(const std::vector<std::string>& scanned,
                                                          const catalog::Catalogue& catalogue,
                                                          const rules::RulePack& pack);

}  // namespace jiaohe::engine::scan
