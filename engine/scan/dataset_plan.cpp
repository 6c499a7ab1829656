#include "engine/scan/dataset_plan.hpp"

#include <algorithm>

#include "rules/kind_registry.hpp"
#include "rules/kinds/referential.hpp"
#include "rules/kinds/staleness.hpp"

namespace jiaohe::engine::scan {
namespace {

using rules::SetKind;

void add_slot(std::vector<std::size_t>& slots, int slot) {
  if (slot >= 0 && std::find(slots.begin(), slots.end(), static_cast<std::size_t>(slot)) == slots.end())
    slots.push_back(static_cast<std::size_t>(slot));
}

}  // namespace

bool rule_applies(const rules::RuleDef& rule, const catalog::DatasetDef& dataset) {
  if (!rule.datasets.empty() && std::find(rule.datasets.begin(), rule.datasets.end(), dataset.id) == rule.datasets.end())
    return false;
  if (rule.attributes.empty()) return true;
  return std::any_of(rule.attributes.begin(), rule.attributes.end(), [&](const std::string& a) {
    return a == rules::kRecordKeyAttribute || dataset.column_for(a) != nullptr;
  });
}

DatasetPlan plan_dataset(const catalog::DatasetDef& dataset, const catalog::Catalogue& catalogue,
                         const rules::RulePack& pack, const rules::kinds::RowContext& context,
                         const rules::normalize::UpdateColumnForm& update, std::chrono::sys_seconds now,
                         bool scanned) {
  DatasetPlan plan;
  plan.dataset = &dataset;
  plan.scanned = scanned;
  plan.update = update;
  for (const auto& mapping : dataset.columns) {
    const auto* attribute = catalogue.attribute(mapping.attribute);
    // Key normalisation checks no birth date against a clock: a future birth date in a number
    // is a defect of identifier_valid or date_sanity as the pack says, not of the key.
    PlannedColumn column{mapping.column, attribute, rules::normalize::find_normalizer(attribute->normalizer),
                         {std::nullopt, attribute->legacy_15}, mapping.values};
    if (mapping.column == dataset.key_column) plan.key_slot = plan.columns.size();
    plan.slots.push_back({attribute->name, attribute->type});
    plan.columns.push_back(std::move(column));
  }
  std::vector<PlannedRowCheck> record_level;
  for (const auto& rule : pack.rules) {
    const auto& kind = rules::kind_of(rule);
    // This dataset as the base of a referential rule: its base attribute's keys are staged.
    if (kind.set_kind == SetKind::kReferential && rules::kinds::base_dataset_of(rule) == dataset.id)
      for (const auto& a : rule.attributes) add_slot(plan.key_slots, rules::kinds::slot_of(plan.slots, rules::kinds::base_attribute_of(rule, a)));
    if (!scanned || !rule_applies(rule, dataset)) continue;
    switch (kind.set_kind) {
      case SetKind::kNone:
        if (auto check = kind.make_row_check(rule, plan.slots, context))
          (kind.record_level ? record_level : plan.row_checks).push_back({&rule, std::move(check)});
        break;
      case SetKind::kRowStaleness:
      case SetKind::kDatasetStaleness: {
        const int age = rules::kinds::max_age_days(rule, dataset.frequency_days);
        auto& list = kind.set_kind == SetKind::kRowStaleness ? plan.row_staleness : plan.dataset_staleness;
        list.push_back({&rule, rules::kinds::stale_before(now, age), age});
        break;
      }
      case SetKind::kCrossAgencyConflict:
        for (const auto& a : rule.attributes) add_slot(plan.conflict_slots, rules::kinds::slot_of(plan.slots, a));
        plan.set_rules.push_back(&rule);
        break;
      case SetKind::kUniqueKey:
      case SetKind::kReferential:
        for (const auto& a : rule.attributes) add_slot(plan.key_slots, rules::kinds::slot_of(plan.slots, a));
        plan.set_rules.push_back(&rule);
        break;
      case SetKind::kPersonalDataExposure:
        if (dataset.opened_unconditionally()) plan.exposure_rules.push_back(&rule);
        break;
    }
  }
  for (auto& c : record_level) plan.row_checks.push_back(std::move(c));
  return plan;
}

std::vector<std::string> DatasetPlan::read_columns() const {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(c.column);
  out.insert(out.end(), unmapped_columns.begin(), unmapped_columns.end());
  return out;
}

void plan_exposure_columns(DatasetPlan& plan, const std::map<std::string, std::string>& table) {
  plan.unmapped_columns.clear();
  plan.exposure_fields.clear();
  if (plan.exposure_rules.empty()) return;
  const auto& ds = *plan.dataset;
  const auto add_field = [&](std::size_t field, const std::string& column) {
    for (const auto& f : plan.exposure_fields)
      if (f.column == column) return;
    plan.exposure_fields.push_back({field, column});
  };
  add_field(0, ds.record_key);
  for (std::size_t i = 0; i < plan.columns.size(); ++i) add_field(i + 1, plan.columns[i].column);
  for (const auto& [column, type] : table) {
    (void)type;  // every type is read as its text form: a number column can hold a phone number
    if (column == ds.record_key || column == ds.last_update_column) continue;
    if (std::any_of(plan.columns.begin(), plan.columns.end(), [&](const PlannedColumn& c) { return c.column == column; }))
      continue;
    plan.unmapped_columns.push_back(column);
    add_field(plan.columns.size() + plan.unmapped_columns.size(), column);
  }
  add_field(plan.columns.size() + plan.unmapped_columns.size() + 1, ds.last_update_column);
}

std::vector<const catalog::DatasetDef*> datasets_to_read(const std::vector<std::string>& scanned,
                                                          const catalog::Catalogue& catalogue,
                                                          const rules::RulePack& pack) {
  std::vector<const catalog::DatasetDef*> out;
  const auto add = [&](const catalog::DatasetDef* d) {
    if (d && std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  };
  for (const auto& id : scanned) add(catalogue.dataset(id));
  const std::size_t n = out.size();
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& rule : pack.rules)
      if (rules::kind_of(rule).set_kind == SetKind::kReferential && rule_applies(rule, *out[i]))
        add(catalogue.dataset(rules::kinds::base_dataset_of(rule)));
  return out;
}

}  // namespace jiaohe::engine::scan
