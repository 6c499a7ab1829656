// unique_key: every record of a dataset whose comparison key of the attribute (the one
// normalisation: normalised value, or the key form of a value the normaliser rejects) occurs
// on more than one record; for `_record_key`, every record whose record key is blank or shared
// (the identities the scan gave them).
#include "engine/store/pg_session.hpp"
#include "engine/store/set_rules/set_rule.hpp"

namespace jiaohe::engine::store {
namespace {

// Duplicated values first (one hash aggregate), then the records carrying them.
constexpr const char* kSharedValues = R"sql(
  INSERT INTO scan_findings
  SELECT $1, $2::int, $3, $4, k.dataset_id, $6, k.record_key, k.subject_id, k.attribute,
         jsonb_build_object('value', k.value, 'records', d.n), k.row_no
  FROM scan_keys k
  JOIN (SELECT value, count(*) AS n FROM scan_keys WHERE dataset_id = $5 AND attribute = $7
        GROUP BY value HAVING count(*) > 1) d USING (value)
  WHERE k.dataset_id = $5 AND k.attribute = $7)sql";
constexpr const char* kSharedRecordKeys = R"sql(
  INSERT INTO scan_findings
  SELECT $1, $2::int, $3, $4, dataset_id, $6, record_key, subject_id, $7,
         jsonb_build_object('value', key_form, 'records', shared_by,
                            'reason', CASE WHEN key_form = '' THEN 'blank' ELSE 'shared' END), row_no
  FROM scan_identities WHERE dataset_id = $5)sql";

}  // namespace

void run_unique_key(const SetRuleRun& run) {
  for (const auto& attribute : run.rule.attributes) {
    const bool record_key = attribute == rules::kRecordKeyAttribute;
    if (!record_key && !run.dataset->column_for(attribute)) continue;
    auto p = set_rule_params(run);
    p.push_back(attribute);
    run.session.command(record_key ? kSharedRecordKeys : kSharedValues, p);
  }
}

}  // namespace jiaohe::engine::store
