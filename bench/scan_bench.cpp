// Scan benchmark: the row pass of each dataset against `COPY (SELECT the same columns) TO
// STDOUT` of that table, and each set rule against hand-written SQL finding the same rows,
// all measured in this one process on the same database. Prints a Markdown table.
//   bench_scan DATABASE_URL CATALOGUE PACK [REPEAT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "engine/scan/row_evaluator.hpp"
#include "engine/store/pg_session.hpp"
#include "engine/store/scan_store.hpp"

using namespace jiaohe;
using Clock = std::chrono::steady_clock;

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
std::string hand_written(const rules::RuleDef& rule, const engine::catalog::DatasetDef& d,
                         const engine::catalog::Catalogue& cat) {
  const std::string key = "upper(btrim(" + d.key_column + "::text))";
  if (rule.kind == "unique_key") {
    const auto* c = d.column_for(rule.attributes.front());
    if (!c) c = d.column_for(rule.attributes.back());
    return "SELECT count(*) FROM (SELECT count(*) OVER (PARTITION BY " + c->column + ") n FROM " + d.table +
           " WHERE " + c->column + " <> '') x WHERE n > 1";
  }
  if (rule.kind == "referential") {
    const auto* b = cat.dataset(rule.params["base_dataset"].get<std::string>());
    return "SELECT count(*) FROM " + d.table + " t WHERE NOT EXISTS (SELECT 1 FROM " + b->table + " b WHERE upper(btrim(b." +
           b->key_column + "::text)) = " + key + ")";
  }
  if (rule.kind == "row_staleness")
    return "SELECT count(*) FROM " + d.table + " WHERE " + d.last_update_column + " < now() - interval '396 days'";
  if (rule.kind == "dataset_staleness") return "SELECT max(" + d.last_update_column + ") FROM " + d.table;
  return "";
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
  const auto now = engine::SystemClock().now();
  const rules::kinds::RowContext context{
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now + std::chrono::hours(8)))};
  engine::store::PgSession baseline(url);
  engine::store::ScanStore store(url, cat);

  std::printf("| dataset | rows | COPY baseline (s) | row pass (s) | ratio | row checks |\n|---|---|---|---|---|---|\n");
  std::vector<engine::scan::DatasetPlan> plans;
  for (const auto& d : cat.datasets) plans.push_back(engine::scan::plan_dataset(d, cat, pack, context));
  for (const auto& plan : plans) {
    const auto& d = *plan.dataset;
    std::vector<std::string> columns;
    std::string select = "SELECT " + baseline.quote_identifier(d.record_key) + "::text";
    for (const auto& c : plan.columns) {
      columns.push_back(c.column);
      select += ", " + baseline.quote_identifier(c.column) + "::text";
    }
    select += " FROM " + baseline.quote_identifier(d.table);
    std::int64_t rows = 0;
    const double copy = median_seconds(repeat, [&] {
      rows = 0;
      baseline.copy_out("COPY (" + select + ") TO STDOUT", [&](std::string_view) { ++rows; });
    });
    // The row pass as a scan runs it: evaluation plus staging COPY into the results
    // transaction, rolled back afterwards.
    const double pass = median_seconds(repeat, [&] {
      store.begin_results();
      engine::scan::RowEvaluator evaluator(plan, {context.today, false}, false);
      engine::scan::StagingBuffers buffers;
      store.read_rows(d, columns, std::nullopt, [&](std::string_view line) {
        evaluator.evaluate(line, buffers);
        if (buffers.bytes() > (8 << 20)) {
          store.stage(buffers.findings, buffers.records, buffers.values);
          buffers.clear();
        }
      });
      store.stage(buffers.findings, buffers.records, buffers.values);
      store.discard_results();
    });
    std::printf("| %s | %lld | %.3f | %.3f | %.2f | %zu |\n", d.id.c_str(), static_cast<long long>(rows), copy, pass,
                pass / copy, plan.row_checks.size());
    std::fflush(stdout);
  }

  std::printf("\n| set rule | dataset | hand-written SQL (s) | Jiaohe (s) | ratio |\n|---|---|---|---|---|\n");
  for (const auto& plan : plans) {
    for (const auto* rule : plan.set_rules) {
      if (rule->kind == "cross_agency_conflict") continue;
      const std::string sql = hand_written(*rule, *plan.dataset, cat);
      const double hand = median_seconds(repeat, [&] { baseline.query(sql); });
      const double ours = median_seconds(repeat, [&] {
        store.begin_results();
        store.run_set_rule(*rule, plan.dataset, now, false);
        store.discard_results();
      });
      std::printf("| %s (%s) | %s | %.3f | %.3f | %.2f |\n", rule->id.c_str(), rule->kind.c_str(),
                  plan.dataset->id.c_str(), hand, ours, ours / hand);
      std::fflush(stdout);
    }
  }
  // Conflicts, one attribute at a time, over the normalised values a full scan stored (run
  // `jiaohe scan` first): ours against the join a DBA would write on the same table.
  for (const auto& rule : pack.rules) {
    if (rule.kind != "cross_agency_conflict") continue;
    for (const auto& attribute : rule.attributes) {
      const auto* def = cat.attribute(attribute);
      if (def->authoritative_source.empty()) continue;
      rules::RuleDef one = rule;
      one.attributes = {attribute};
      const std::string source = baseline.quote_literal(def->authoritative_source),
                        attr = baseline.quote_literal(attribute);
      const double hand = median_seconds(repeat, [&] {
        baseline.query("SELECT count(*) FROM canonical_values v JOIN canonical_values s ON s.subject_id = v.subject_id "
                       "AND s.attribute = v.attribute AND s.dataset_id = " + source + " WHERE v.attribute = " + attr +
                       " AND v.dataset_id <> " + source + " AND v.value <> s.value");
      });
      const double ours = median_seconds(repeat, [&] {
        store.begin_results();
        store.run_set_rule(one, nullptr, now, false);
        store.discard_results();
      });
      std::printf("| %s (%s) | %s | %.3f | %.3f | %.2f |\n", rule.id.c_str(), attribute.c_str(), "all", hand, ours,
                  ours / hand);
      std::fflush(stdout);
    }
  }
  return 0;
}
