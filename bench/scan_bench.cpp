// Scan benchmark: the row pass of each dataset against `COPY (SELECT the same columns) TO
// STDOUT` of that table, and each set rule against hand-written SQL finding the same rows,
// all measured in this one process on the same database. Prints Markdown tables, then
// `copy_total_s=` (the sum of the datasets' COPY medians) for bench/scan.sh's ratios.
// Conflicts compare the normalised values a scan stored: run `jiaohe scan` first.
//   bench_scan DATABASE_URL CATALOGUE PACK [REPEAT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/catalogue_check.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "engine/scan/row_evaluator.hpp"
#include "engine/scan/stored_values.hpp"
#include "engine/store/pg_session.hpp"
#include "engine/store/row_source.hpp"
#include "engine/store/scan_results.hpp"
#include "engine/store/set_rules/set_rule.hpp"
#include "rules/kind_registry.hpp"
#include "rules/kinds/referential.hpp"

using namespace jiaohe;
using Clock = std::chrono::steady_clock;
using rules::SetKind;

namespace {

double median_seconds(int repeat, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// The hand-written SQL a DBA would write for the same rows (counted, not materialised).
// The column of the first of the rule's attributes that `d` maps (the record key for
// `_record_key`).
std::string column_of(const rules::RuleDef& rule, const engine::catalog::DatasetDef& d) {
  for (const auto& a : rule.attributes) {
    if (a == rules::kRecordKeyAttribute) return d.record_key;
    if (const auto* c = d.column_for(a)) return c->column;
  }
  return d.key_column;
}

std::string hand_written(const rules::RuleDef& rule, const engine::catalog::DatasetDef& d,
                         const engine::catalog::Catalogue& cat) {
  const std::string column = "upper(btrim(" + column_of(rule, d) + "::text))";
  switch (rules::kind_of(rule).set_kind) {
    case SetKind::kUniqueKey:
      return "SELECT count(*) FROM (SELECT count(*) OVER (PARTITION BY " + column + ") n FROM " + d.table +
             ") x WHERE n > 1";
    case SetKind::kReferential: {
      const auto* b = cat.dataset(rules::kinds::base_dataset_of(rule));
      const auto* base_column = b->column_for(rules::kinds::base_attribute_of(rule, rule.attributes.front()));
      return "SELECT count(*) FROM " + d.table + " t WHERE " + column + " <> '' AND NOT EXISTS (SELECT 1 FROM " +
             b->table + " b WHERE upper(btrim(b." + base_column->column + "::text)) = " + column + ")";
    }
    default: return "";
  }
}

// Conflicts of one attribute as a DBA would count them over the stored normalised values:
// records of other datasets whose value differs from the authoritative source's, and every
// record of a subject the source does not hold whose values differ.
std::string hand_written_conflict(engine::store::PgSession& s, const std::string& attribute,
                                  const std::string& source) {
  const std::string a = s.quote_literal(attribute), src = s.quote_literal(source);
  return "SELECT (SELECT count(*) FROM canonical_values v JOIN canonical_values s ON s.subject_id = v.subject_id "
         "AND s.attribute = v.attribute AND s.dataset_id = " + src + " WHERE v.attribute = " + a +
         " AND v.dataset_id <> " + src + " AND v.value <> s.value) + (SELECT count(*) FROM (SELECT min(value) OVER w "
         "AS lo, max(value) OVER w AS hi FROM canonical_values v WHERE v.attribute = " + a + " AND NOT EXISTS "
         "(SELECT 1 FROM canonical_values s WHERE s.dataset_id = " + src + " AND s.attribute = " + a +
         " AND s.subject_id = v.subject_id) WINDOW w AS (PARTITION BY subject_id)) x WHERE lo <> hi)";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: bench_scan DATABASE_URL CATALOGUE PACK [REPEAT]\n";
    return 2;
  }
  const std::string url = argv[1];
  const int repeat = argc > 4 ? std::atoi(argv[4]) : 3;
  const auto cat = engine::catalog::load_catalogue(argv[2]);
  const auto pack = engine::catalog::load_rule_pack(argv[3], cat);
  const auto now = std::chrono::floor<std::chrono::seconds>(engine::SystemClock().now());
  const rules::kinds::RowContext context{
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now + std::chrono::hours(8)))};
  engine::store::PgSession baseline(url);
  baseline.exec("SET work_mem = '256MB'; SET jit = off");  // as the scan's results session
  engine::store::RowSource source(url);
  engine::store::ScanResults results(url);

  std::vector<const engine::catalog::DatasetDef*> all;
  for (const auto& d : cat.datasets) all.push_back(&d);
  const auto forms = engine::scan::check_datasets(cat, all, source);
  std::vector<engine::scan::DatasetPlan> plans;
  for (const auto* d : all) plans.push_back(engine::scan::plan_dataset(*d, cat, pack, context, forms.at(d->id), now, true));

  // The row pass as a full scan's unit runs it: the stored normalised values read, COPY out, the
  // one normalisation, every row check, staleness, staging by COPY (here into the results
  // transaction; a unit's go to the unit_ tables, and the merge writes the stored values).
  const auto row_pass = [&](const engine::scan::DatasetPlan& plan) {
    const auto& d = *plan.dataset;
    std::vector<std::string> columns;
    for (const auto& c : plan.columns) columns.push_back(c.column);
    engine::scan::RowEvaluator evaluator(plan, false);
    engine::scan::StagingBuffers buffers;
    // As a full scan: the stored values first, compared in memory, only changes staged.
    engine::scan::StoredValues stored;
    if (!plan.conflict_slots.empty()) {
      baseline.copy_out("COPY (SELECT ctid, record_key, attribute, subject_id, value FROM canonical_values "
                        "WHERE dataset_id = " + baseline.quote_literal(d.id) + ") TO STDOUT",
                        [&](std::string_view line) { stored.add(line); });
      stored.sort();
      evaluator.use_stored(&stored);
    }
    const auto flush = [&] {
      results.stage({buffers.findings, buffers.records, buffers.values, buffers.keys, buffers.duplicates});
      buffers.clear();
    };
    source.open(d);
    source.read(d, columns, plan.update.form, engine::store::RowFilter::kAll, std::nullopt, [&](std::string_view line) {
      evaluator.evaluate(line, engine::scan::RowEvaluator::Pass::kRows, buffers);
      if (buffers.bytes() > (8 << 20)) flush();
    });
    source.close(d);
    evaluator.finish(buffers);
    flush();
    if (!plan.conflict_slots.empty()) (void)stored.gone();
  };

  double copy_total = 0;
  std::printf("| dataset | rows | COPY baseline (s) | row pass (s) | ratio | row checks |\n|---|---|---|---|---|---|\n");
  for (const auto& plan : plans) {
    const auto& d = *plan.dataset;
    std::string select = "SELECT " + baseline.quote_identifier(d.record_key) + "::text";
    for (const auto& c : plan.columns) select += ", " + baseline.quote_identifier(c.column) + "::text";
    select += ", " + baseline.quote_identifier(d.last_update_column) + "::text FROM " + baseline.quote_identifier(d.table);
    std::int64_t rows = 0;
    const double copy = median_seconds(repeat, [&] {
      rows = 0;
      baseline.copy_out("COPY (" + select + ") TO STDOUT", [&](std::string_view) { ++rows; });
    });
    const double pass = median_seconds(repeat, [&] {
      results.begin();
      row_pass(plan);
      results.discard();
    });
    copy_total += copy;
    std::printf("| %s | %lld | %.3f | %.3f | %.2f | %zu |\n", d.id.c_str(), static_cast<long long>(rows), copy, pass,
                pass / copy, plan.row_checks.size());
    std::fflush(stdout);
  }

  // Set rules run over what the row passes staged: stage every dataset once, then time each
  // rule's statement (rolled back to a savepoint between runs).
  std::printf("\n| set rule | dataset | hand-written SQL (s) | Jiaohe (s) | ratio |\n|---|---|---|---|---|\n");
  results.begin();
  for (const auto& plan : plans) row_pass(plan);
  results.analyze();
  const auto time_rule = [&](const rules::RuleDef& rule, const engine::catalog::DatasetDef* d, const std::string& sql,
                             const std::string& label) {
    const auto* impl = engine::store::set_rule_impl(rules::kind_of(rule).set_kind);
    const double hand = median_seconds(repeat, [&] { baseline.query(sql); });
    const double ours = median_seconds(repeat, [&] {
      results.session().exec("SAVEPOINT bench");
      impl->run({results.session(), cat, rule, d, false});
      results.session().exec("ROLLBACK TO SAVEPOINT bench");
    });
    std::printf("| %s (%s) | %s | %.3f | %.3f | %.2f |\n", rule.id.c_str(), label.c_str(), d ? d->id.c_str() : "all",
                hand, ours, ours / hand);
    std::fflush(stdout);
  };
  for (const auto& plan : plans)
    for (const auto* rule : plan.set_rules) {
      const auto* impl = engine::store::set_rule_impl(rules::kind_of(*rule).set_kind);
      if (!impl || impl->spans_datasets) continue;
      time_rule(*rule, plan.dataset, hand_written(*rule, *plan.dataset, cat), rule->kind);
    }
  // Conflicts span datasets: one attribute at a time.
  for (const auto& rule : pack.rules) {
    if (rules::kind_of(rule).set_kind != SetKind::kCrossAgencyConflict) continue;
    for (const auto& attribute : rule.attributes) {
      const auto* def = cat.attribute(attribute);
      if (!def || def->authoritative_source.empty()) continue;
      rules::RuleDef one = rule;
      one.attributes = {attribute};
      time_rule(one, nullptr, hand_written_conflict(baseline, attribute, def->authoritative_source), attribute);
    }
  }
  results.discard();
  std::printf("\ncopy_total_s=%.3f\n", copy_total);
  return 0;
}
