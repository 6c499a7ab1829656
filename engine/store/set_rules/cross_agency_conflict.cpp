// cross_agency_conflict (Art. 19 para. 3): for each attribute, the subjects whose normalised
// values differ between datasets (canonical_values, which the row pass keeps: values that
// normalised, of records whose subject key validates, without a defect of their own). When the
// attribute has an authoritative source holding the subject, every record of another dataset
// whose value differs from the source's; otherwise every record of the subject.
#include "engine/store/pg_session.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/set_rules/set_rule.hpp"

namespace jiaohe::engine::store {
namespace {

// The disputed subjects first, in a table of their own with statistics: there are few of them
// (about 0.1% of the subjects of the demo province), and knowing it the planner reaches their
// values through canonical_values_by_subject instead of hashing every value of the attribute
// three more times, as it did when it guessed half of the subjects from a CTE.
constexpr const char* kDisputed = R"sql(
  CREATE TEMP TABLE scan_disputed ON COMMIT DROP AS
  SELECT subject_id FROM canonical_values
  WHERE attribute = $1
    AND (NOT $2::boolean OR subject_id IN (SELECT subject_id FROM scan_records WHERE subject_id IS NOT NULL))
  GROUP BY subject_id HAVING min(value) <> max(value))sql";
constexpr const char* kAnalyzeDisputed = "ANALYZE scan_disputed";
constexpr const char* kDropDisputed = "DROP TABLE IF EXISTS scan_disputed";
constexpr const char* kConflicts = R"sql(
  WITH authority AS (
    SELECT c.subject_id, array_agg(c.value) AS authoritative_values
    FROM canonical_values c JOIN scan_disputed USING (subject_id)
    WHERE c.attribute = $8 AND c.dataset_id = $7
    GROUP BY c.subject_id),
  evidence AS (
    SELECT c.subject_id, jsonb_object_agg(c.dataset_id, c.value) AS agency_values
    FROM canonical_values c JOIN scan_disputed USING (subject_id)
    WHERE c.attribute = $8
    GROUP BY c.subject_id)
  INSERT INTO scan_findings
  SELECT $1, $2::int, $3, $4, v.dataset_id, a.agency_code, v.record_key, v.subject_id, v.attribute,
         jsonb_build_object('value', v.value, 'authoritative_source', $7::text, 'values', e.agency_values), NULL
  FROM canonical_values v
  JOIN scan_disputed USING (subject_id)
  JOIN evidence e USING (subject_id)
  JOIN unnest($5::text[], $6::text[]) AS a(dataset_id, agency_code) ON a.dataset_id = v.dataset_id
  LEFT JOIN authority s USING (subject_id)
  WHERE v.attribute = $8
    AND (s.subject_id IS NULL
         OR (v.dataset_id <> $7 AND v.value <> ANY (s.authoritative_values))))sql";

}  // namespace

void run_cross_agency_conflict(const SetRuleRun& run) {
  std::vector<std::string> ids, agencies;
  for (const auto& d : run.catalogue.datasets) {
    ids.push_back(d.id);
    agencies.push_back(d.agency.code);
  }
  for (const auto& attribute : run.rule.attributes) {
    const auto* def = run.catalogue.attribute(attribute);
    auto p = set_rule_params(run);
    p.push_back(pg_array_literal(ids));
    p.push_back(pg_array_literal(agencies));
    p.push_back(null_if_empty(def->authoritative_source));
    p.push_back(attribute);
    run.session.exec(kDropDisputed);
    run.session.command(kDisputed, {attribute, run.incremental ? "true" : "false"});
    run.session.exec(kAnalyzeDisputed);
    run.session.command(kConflicts, p);
    run.session.exec(kDropDisputed);
  }
}

}  // namespace jiaohe::engine::store
