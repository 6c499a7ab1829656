// Precision and recall on the demo province: every rule kind must find exactly the defects the
// generator injected (platform.ground_truth), no more and no fewer, and nothing on a record
// that carries only harmless variants (platform.variants). JIAOHE_GROUND_TRUTH_SUBJECTS sets
// the size (default 3,000, for the suite; bench/ground_truth.sh runs 100,000).
#include <doctest/doctest.h>

#include <algorithm>

#include <cstdlib>

#include <pqxx/pqxx>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/scanner.hpp"
#include "engine/store/province_writer.hpp"
#include "tests/support/demo_rules.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;

namespace {

// Per rule kind: ground truth, true positives, findings.
constexpr const char* kPerKind = R"sql(
  WITH truth AS (SELECT g.*, r.kind FROM platform.ground_truth g JOIN (SELECT DISTINCT rule_id, kind FROM findings) r
                 USING (rule_id)),
       found AS (SELECT * FROM findings WHERE status = 'open')
  SELECT k.kind,
         (SELECT count(*) FROM truth t WHERE t.kind = k.kind),
         (SELECT count(*) FROM found f WHERE f.kind = k.kind AND EXISTS (SELECT 1 FROM platform.ground_truth g
            WHERE f.rule_id = g.rule_id AND f.dataset_id = g.dataset_id AND f.record_key = g.record_key
              AND f.attribute = g.attribute)),
         (SELECT count(*) FROM found f WHERE f.kind = k.kind)
  FROM (SELECT DISTINCT kind FROM findings) k ORDER BY 1)sql";
constexpr const char* kMissing = R"sql(
  SELECT count(*) FROM platform.ground_truth g
  WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.status = 'open' AND f.rule_id = g.rule_id
                      AND f.dataset_id = g.dataset_id AND f.record_key = g.record_key AND f.attribute = g.attribute))sql";
constexpr const char* kOnHarmless = R"sql(
  SELECT count(*) FROM findings f JOIN (SELECT DISTINCT dataset_id, record_key FROM platform.variants) v
  USING (dataset_id, record_key) WHERE f.status = 'open')sql";

std::int64_t subjects() {
  const char* env = std::getenv("JIAOHE_GROUND_TRUTH_SUBJECTS");
  return env ? std::atoll(env) : 3000;
}

}  // namespace

TEST_CASE("every rule kind finds exactly the injected defects of the demo province, nothing on harmless variants") {
  const auto catalogue = engine::catalog::load_catalogue(testing::source_dir() + "/data/demo/catalogue.json");
  const auto pack = engine::catalog::load_rule_pack(testing::source_dir() + "/data/packs/baseline.json", catalogue);
  for (std::uint64_t seed : {3u, 11u}) {
    CAPTURE(seed);
    testing::TestDatabase db;
    engine::demo::ProvinceOptions options;
    options.subjects = subjects();
    options.defect_rate = 0.05;
    options.seed = seed;
    options.as_of = engine::Instant(std::chrono::sys_days(std::chrono::year_month_day(
                                        std::chrono::year(2026), std::chrono::November, std::chrono::day(27)))
                                        .time_since_epoch());
    const auto generated = engine::store::write_province(db.url(), options, pack);
    // Every rule that can find something in the demo has injected defects.
    const auto can_find = std::count_if(pack.rules.begin(), pack.rules.end(),
                                        [&](const rules::RuleDef& r) { return testing::can_find_in(r, catalogue); });
    REQUIRE(generated.findings.size() == static_cast<std::size_t>(can_find));

    engine::scan::ScanRequest request;
    request.now = options.as_of;
    engine::scan::ScanObserver quiet;
    const auto summary = engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet);
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    for (const auto& row : tx.exec(kPerKind)) {
      const auto truth = row[1].as<double>(), hits = row[2].as<double>(), found = row[3].as<double>();
      MESSAGE(std::string(row[0].c_str()) << ": ground truth " << truth << ", found " << found << ", precision "
                             << (found > 0 ? hits / found : 1.0) << ", recall " << (truth > 0 ? hits / truth : 1.0));
      CHECK_MESSAGE(hits == found, row[0].c_str());  // precision 1.0
      CHECK_MESSAGE(hits == truth, row[0].c_str());  // recall 1.0
    }
    CHECK(tx.exec1(kMissing)[0].as<long>() == 0);
    const auto harmless = tx.exec1("SELECT count(DISTINCT (dataset_id, record_key)) FROM platform.variants")[0].as<long>();
    MESSAGE("records with harmless variants: " << harmless);
    CHECK(harmless > 100);
    CHECK(tx.exec1(kOnHarmless)[0].as<long>() == 0);
    CHECK(summary.findings_new == tx.exec1("SELECT count(*) FROM platform.ground_truth")[0].as<long>());
  }
}
