#include "engine/store/set_rules/set_rule.hpp"

namespace jiaohe::engine::store {

const SetRuleImpl* set_rule_impl(rules::SetKind kind) {
  static const SetRuleImpl unique_key{run_unique_key, false}, referential{run_referential, false},
      conflict{run_cross_agency_conflict, true};
  switch (kind) {
    case rules::SetKind::kUniqueKey: return &unique_key;
    case rules::SetKind::kReferential: return &referential;
    case rules::SetKind::kCrossAgencyConflict: return &conflict;
    case rules::SetKind::kRowStaleness:
    case rules::SetKind::kDatasetStaleness:
    case rules::SetKind::kPersonalDataExposure:
    case rules::SetKind::kNone: return nullptr;
  }
  return nullptr;
}

std::vector<std::optional<std::string>> set_rule_params(const SetRuleRun& run) {
  std::vector<std::optional<std::string>> p = {run.rule.id, std::to_string(run.rule.version), run.rule.kind,
                                               run.rule.severity};
  if (run.dataset) {
    p.push_back(run.dataset->id);
    p.push_back(run.dataset->agency.code);
  }
  return p;
}

}  // namespace jiaohe::engine::store
