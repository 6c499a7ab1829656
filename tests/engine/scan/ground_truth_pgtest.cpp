// Precision and recall on the demo province: every rule kind must find exactly the defects the
// generator injected (platform.ground_truth), no more and no fewer.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/scanner.hpp"
#include "engine/store/province_writer.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;

namespace {

struct Difference {
  long long ground_truth = 0, missing = 0, extra = 0;
};

Difference compare(const std::string& url) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  Difference d;
  d.ground_truth = tx.exec1("SELECT count(*) FROM platform.ground_truth")[0].as<long long>();
  d.missing = tx.exec1(R"sql(
    SELECT count(*) FROM platform.ground_truth g
    WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.status = 'open' AND f.rule_id = g.rule_id
                        AND f.dataset_id = g.dataset_id AND f.record_key = g.record_key AND f.attribute = g.attribute))sql")[0]
                  .as<long long>();
  d.extra = tx.exec1(R"sql(
    SELECT count(*) FROM findings f
    WHERE f.status = 'open' AND NOT EXISTS (SELECT 1 FROM platform.ground_truth g WHERE f.rule_id = g.rule_id
                        AND f.dataset_id = g.dataset_id AND f.record_key = g.record_key AND f.attribute = g.attribute))sql")[0]
                .as<long long>();
  return d;
}

}  // namespace

TEST_CASE("every rule kind finds exactly the injected defects of the demo province") {
  const auto catalogue = engine::catalog::load_catalogue(testing::source_dir() + "/data/demo/catalogue.json");
  const auto pack = engine::catalog::load_rule_pack(testing::source_dir() + "/data/packs/baseline.json", catalogue);
  for (std::uint64_t seed : {3u, 11u}) {
    CAPTURE(seed);
    testing::TestDatabase db;
    engine::demo::ProvinceOptions options;
    options.subjects = 3000;
    options.defect_rate = 0.05;
    options.seed = seed;
    options.as_of = engine::Instant(std::chrono::sys_days(std::chrono::year_month_day(
                                        std::chrono::year(2026), std::chrono::November, std::chrono::day(27)))
                                        .time_since_epoch());
    const auto generated = engine::store::write_province(db.url(), options);
    REQUIRE(generated.findings.size() == pack.rules.size());  // every rule has injected defects

    engine::scan::ScanRequest request;
    request.now = options.as_of;
    engine::scan::ScanObserver quiet;
    const auto summary = engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet);
    const auto d = compare(db.url());
    CHECK(d.ground_truth > 100);
    CHECK(d.missing == 0);  // recall 100%
    CHECK(d.extra == 0);    // precision 100%
    CHECK(summary.findings_new == d.ground_truth);
    // Per rule, not only in total.
    CHECK(db.query_value("SELECT count(*) FROM (SELECT rule_id, count(*) FROM platform.ground_truth GROUP BY 1 "
                         "EXCEPT SELECT rule_id, count(*) FROM findings WHERE status = 'open' GROUP BY 1) x") == "0");
  }
}
