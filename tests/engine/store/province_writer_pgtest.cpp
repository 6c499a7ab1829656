#include <fstream>
#include <set>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/store/province_writer.hpp"
#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine;
using jiaohe::testing::TestDatabase;

namespace {

const Instant kAsOf = *calendar::parse_instant("2026-03-01T08:00", nullptr, calendar::InstantForm::kTyped);

demo::ProvinceOptions options(std::int64_t subjects, double rate) { return {subjects, rate, 20260301, kAsOf}; }

const jiaohe::rules::RulePack& pack() {
  static const auto catalogue = catalog::load_catalogue(jiaohe::testing::source_dir() + "/data/demo/catalogue.json");
  static const auto p = catalog::load_rule_pack(jiaohe::testing::source_dir() + "/data/packs/baseline.json", catalogue);
  return p;
}

// Rows of `sql` (one text column) as a set.
std::set<std::string> set_of(const TestDatabase& db, const std::string& sql) {
  pqxx::connection conn(db.url());
  pqxx::read_transaction tx(conn);
  std::set<std::string> out;
  for (const auto& row : tx.exec(sql)) out.insert(row[0].c_str());
  return out;
}

// Ground truth of `rule` as "dataset/record/attribute".
std::set<std::string> truth(const TestDatabase& db, const std::string& rule) {
  return set_of(db, "SELECT dataset_id || '/' || record_key || '/' || attribute FROM platform.ground_truth "
                    "WHERE rule_id = '" + rule + "'");
}

std::set<std::string> invalid_identifiers(const TestDatabase& db) {
  std::set<std::string> out;
  pqxx::connection conn(db.url());
  pqxx::read_transaction tx(conn);
  for (const auto& [table, key, column, attribute] :
       std::vector<std::array<std::string, 4>>{{"gaj_hukou", "rkbh", "gmsfhm", "person.id_number"},
                                               {"mzt_dibao", "jlid", "sfzh", "person.id_number"},
                                               {"rst_insured", "aac001", "aac002", "person.id_number"},
                                               {"scj_company", "qyid", "tyshxydm", "org.credit_code"},
                                               {"swj_taxpayer", "djxh", "nsrsbh", "org.credit_code"}}) {
    for (const auto& row : tx.exec("SELECT " + tx.quote_name(key) + "::text, " + tx.quote_name(column) +
                                   " FROM platform." + tx.quote_name(table))) {
      const std::string value = row[1].c_str();
      const bool ok = attribute == "person.id_number"
                          ? jiaohe::rules::ids::validate_citizen_id(value, {std::chrono::year::max() / std::chrono::December / 31, true}).ok()
                          : jiaohe::rules::ids::validate_credit_code(value).ok();
      if (!ok) out.insert(table + "/" + row[0].c_str() + "/" + attribute);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the demo tables have exactly the columns of the demo catalogue") {
  TestDatabase db;
  store::write_province(db.url(), options(50, 0.0), pack());
  std::ifstream in(jiaohe::testing::source_dir() + "/data/demo/catalogue.json");
  const auto catalogue = nlohmann::json::parse(in);
  for (const auto& dataset : catalogue.at("datasets")) {
    std::set<std::string> expected = {dataset.at("record_key").get<std::string>(),
                                      dataset.at("last_update_column").get<std::string>()};
    for (const auto& c : dataset.at("columns")) expected.insert(c.at("column").get<std::string>());
    const std::string table = dataset.at("table").get<std::string>();
    const auto actual = set_of(db, "SELECT column_name::text FROM information_schema.columns WHERE table_schema || '.' "
                                   "|| table_name = '" + table + "'");
    CHECK_MESSAGE(actual == expected, table);
    // rst_insured keeps local time without a zone, as its catalogue entry declares.
    CHECK(db.query_value("SELECT data_type FROM information_schema.columns WHERE table_schema || '.' || table_name = '" +
                         table + "' AND column_name = '" + dataset.at("last_update_column").get<std::string>() +
                         "'") == (dataset.contains("last_update_zone") ? "timestamp without time zone"
                                                                       : "timestamp with time zone"));
  }
  CHECK(db.query_value("SELECT data_type FROM information_schema.columns WHERE table_name = 'gaj_hukou' "
                       "AND column_name = 'csrq'") == "date");
}

TEST_CASE("a clean province has an empty ground truth and only valid identifiers") {
  TestDatabase db;
  const auto summary = store::write_province(db.url(), options(2000, 0.0), pack());
  CHECK(db.query_value("SELECT count(*) FROM platform.ground_truth") == "0");
  CHECK(db.query_value("SELECT count(*) FROM platform.gaj_hukou") == "2000");
  CHECK(db.query_value("SELECT count(*) FROM platform.scj_company") == "200");
  CHECK(db.query_value("SELECT count(*) FROM platform.rst_insured") ==
        std::to_string(summary.rows[static_cast<std::size_t>(demo::ProvinceTable::kRstInsured)]));
  CHECK(invalid_identifiers(db).empty());
  // Harmless variants are recorded, each on a record that exists.
  CHECK(std::stoi(db.query_value("SELECT count(*) FROM platform.variants")) > 100);
}

TEST_CASE("the ground truth is stored whole and names records that exist") {
  TestDatabase db;
  const auto summary = store::write_province(db.url(), options(3000, 0.05), pack());
  CHECK(db.query_value("SELECT count(*) FROM platform.ground_truth") ==
        std::to_string([&] {
          std::int64_t n = 0;
          for (const auto& [rule, count] : summary.findings) n += count;
          return n;
        }()));
  // Set rules compare normalised values, which plain SQL over these tables cannot; the scan's
  // ground-truth test (tests/engine/scan/ground_truth_pgtest.cpp) checks them.
  CHECK(truth(db, "BL-IDV-001") == invalid_identifiers(db));
  CHECK(truth(db, "BL-STALE-002") == std::set<std::string>{"mzt_dibao/*/_dataset"});
  CHECK(db.query_value("SELECT max(update_time) < timestamptz '2026-03-01 08:00+08' - interval '33 days' "
                       "FROM platform.mzt_dibao") == "t");
  CHECK(db.query_value("SELECT count(*) FROM platform.ground_truth gt WHERE NOT EXISTS (SELECT 1 FROM ("
                       " SELECT 'gaj_hukou' d, rkbh::text k FROM platform.gaj_hukou UNION ALL"
                       " SELECT 'mzt_dibao', jlid::text FROM platform.mzt_dibao UNION ALL"
                       " SELECT 'rst_insured', aac001::text FROM platform.rst_insured UNION ALL"
                       " SELECT 'scj_company', qyid::text FROM platform.scj_company UNION ALL"
                       " SELECT 'swj_taxpayer', djxh::text FROM platform.swj_taxpayer UNION ALL"
                       " SELECT 'mzt_dibao', '*') r WHERE r.d = gt.dataset_id"
                       " AND r.k = regexp_replace(gt.record_key, '#[0-9]+$', ''))"
                       " AND gt.record_key !~ '^#[0-9]+$'") == "0");
}

TEST_CASE("a failed generate leaves the previous province as it was") {
  TestDatabase db;
  store::write_province(db.url(), options(100, 0.1), pack());
  const auto before = db.query_value("SELECT count(*) FROM platform.ground_truth");
  CHECK_THROWS(store::write_province(db.url(), options(-1, 0.1), pack()));
  CHECK(db.query_value("SELECT count(*) FROM platform.gaj_hukou") == "100");
  CHECK(db.query_value("SELECT count(*) FROM platform.ground_truth") == before);
}
