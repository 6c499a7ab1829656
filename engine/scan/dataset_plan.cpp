#include "engine/scan/dataset_plan.hpp"

#include <algorithm>

#include "rules/kind_registry.hpp"

namespace jiaohe::engine::scan {

bool rule_applies(const rules::RuleDef& rule, const catalog::DatasetDef& dataset) {
  if (!rule.datasets.empty() && std::find(rule.datasets.begin(), rule.datasets.end(), dataset.id) == rule.datasets.end())
    return false;
  if (rule.attributes.empty()) return true;
  return std::any_of(rule.attributes.begin(), rule.attributes.end(),
                     [&](const std::string& a) { return dataset.column_for(a) != nullptr; });
}

DatasetPlan plan_dataset(const catalog::DatasetDef& dataset, const catalog::Catalogue& catalogue,
                         const rules::RulePack& pack, const rules::kinds::RowContext& context) {
  DatasetPlan plan;
  plan.dataset = &dataset;
  for (const auto& mapping : dataset.columns) {
    const auto* attribute = catalogue.attribute(mapping.attribute);
    PlannedColumn column{mapping.column, attribute, {}, rules::normalize::find_normalizer(attribute->normalizer)};
    column.values.insert(mapping.values.begin(), mapping.values.end());
    if (mapping.column == dataset.key_column) plan.key_slot = plan.columns.size();
    plan.slots.push_back({attribute->name, attribute->type});
    plan.columns.push_back(std::move(column));
  }
  for (const auto& rule : pack.rules) {
    if (!rule_applies(rule, dataset)) continue;
    const auto* kind = rules::find_kind(rule.kind);
    if (kind->scope == rules::KindScope::kSet) {
      plan.set_rules.push_back(&rule);
      if (rule.kind == "cross_agency_conflict")
        for (const auto& a : rule.attributes) {
          const int slot = rules::kinds::slot_of(plan.slots, a);
          if (slot >= 0 && std::find(plan.conflict_slots.begin(), plan.conflict_slots.end(), slot) == plan.conflict_slots.end())
            plan.conflict_slots.push_back(static_cast<std::size_t>(slot));
        }
      continue;
    }
    if (auto check = kind->make_row_check(rule, plan.slots, context)) plan.row_checks.push_back({&rule, std::move(check)});
  }
  return plan;
}

}  // namespace jiaohe::engine::scan
