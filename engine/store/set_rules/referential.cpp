// referential (Art. 18): every record whose value of the attribute is not a value of the base
// dataset's attribute (params.base_attribute, default the same attribute). Both sides are the
// comparison keys the scan staged; values the normaliser rejects, and records whose subject
// key does not validate, take part in no referential rule (precedence: identifier_valid
// reports them).
#include "engine/store/pg_session.hpp"
#include "engine/store/set_rules/set_rule.hpp"
#include "rules/kinds/referential.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kMissing = R"sql(
  INSERT INTO scan_findings
  SELECT $1, $2::int, $3, $4, k.dataset_id, $6, k.record_key, k.subject_id, k.attribute,
         jsonb_build_object('value', k.value, 'base_dataset', $8::text, 'base_attribute', $9::text), k.row_no
  FROM scan_keys k
  WHERE k.dataset_id = $5 AND k.attribute = $7 AND k.valid AND k.subject_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM scan_keys b
                    WHERE b.dataset_id = $8 AND b.attribute = $9 AND b.valid AND b.value = k.value))sql";

}  // namespace

void run_referential(const SetRuleRun& run) {
  const std::string base = rules::kinds::base_dataset_of(run.rule);
  for (const auto& attribute : run.rule.attributes) {
    if (!run.dataset->column_for(attribute)) continue;
    auto p = set_rule_params(run);
    p.push_back(attribute);
    p.push_back(base);
    p.push_back(rules::kinds::base_attribute_of(run.rule, attribute));
    run.session.command(kMissing, p);
  }
}

}  // namespace jiaohe::engine::store
