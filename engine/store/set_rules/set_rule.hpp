#pragma once
// The set rule kinds that run as SQL, one file each with its SQL beside it, reached through
// rules::SetKind from the kind registry (no code compares kind names). Each runs in the scan's
// results transaction over what the scan staged from the one normalisation (comparison keys,
// record identities, normalised values) and inserts its findings into scan_findings: nothing
// is normalised in SQL.
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "rules/kind_registry.hpp"

namespace jiaohe::engine::store {

class PgSession;

struct SetRuleRun {
  PgSession& session;
  const catalog::Catalogue& catalogue;
  const rules::RuleDef& rule;
  const catalog::DatasetDef* dataset;  // nullptr for a kind that spans datasets
  bool incremental;
};

struct SetRuleImpl {
  void (*run)(const SetRuleRun& run);
  bool spans_datasets;  // runs once per scan for the whole catalogue, not per dataset
};

// The implementation of `kind`, or nullptr for the set kinds the scan evaluates while it reads
// rows (row_staleness and dataset_staleness need every row's last update, nothing else).
const SetRuleImpl* set_rule_impl(rules::SetKind kind);

void run_unique_key(const SetRuleRun& run);
void run_referential(const SetRuleRun& run);
void run_cross_agency_conflict(const SetRuleRun& run);

// $1..$4 of every set rule's statement: what all findings of the rule share (id, version,
// kind, severity); $5, $6 the dataset and its agency when there is one.
std::vector<std::optional<std::string>> set_rule_params(const SetRuleRun& run);

}  // namespace jiaohe::engine::store
