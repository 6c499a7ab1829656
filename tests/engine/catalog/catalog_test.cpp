// Broken catalogues and rule packs fail with a message naming the file, the item and the field.
#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "engine/catalog/catalog.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using nlohmann::json;

namespace {

json demo_catalogue() {
  std::ifstream in(testing::source_dir() + "/data/demo/catalogue.json");
  return json::parse(in);
}

json baseline_pack() {
  std::ifstream in(testing::source_dir() + "/data/packs/baseline.json");
  return json::parse(in);
}

std::string catalogue_error(const json& doc) {
  try {
    engine::catalog::parse_catalogue(doc, "cat.json");
  } catch (const engine::catalog::CatalogueError& e) {
    return e.what();
  }
  return "no error";
}

std::string pack_error(const json& doc) {
  try {
    auto catalogue = engine::catalog::parse_catalogue(demo_catalogue(), "cat.json");
    engine::catalog::check_pack_against_catalogue(rules::parse_rule_pack(doc, "pack.json"), catalogue, "pack.json");
  } catch (const rules::RulePackError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the shipped demo catalogue and baseline pack load") {
  auto catalogue = engine::catalog::load_catalogue(testing::source_dir() + "/data/demo/catalogue.json");
  CHECK(catalogue.datasets.size() == 5);
  auto pack = engine::catalog::load_rule_pack(testing::source_dir() + "/data/packs/baseline.json", catalogue);
  std::set<std::string> kinds;
  for (const auto& r : pack.rules) kinds.insert(r.kind);
  CHECK(kinds.size() == 12);  // a rule of every kind but range
}

TEST_CASE("a misspelt dataset key is named with its dataset and a suggestion") {
  auto doc = demo_catalogue();
  doc["datasets"][1]["recordkey"] = "x";
  CHECK(catalogue_error(doc) ==
        "cat.json: dataset mzt_dibao (/datasets/1/recordkey): unknown key \"recordkey\" (did you mean \"record_key\"?)");
}

TEST_CASE("a column mapped to an unknown attribute is named") {
  auto doc = demo_catalogue();
  doc["datasets"][0]["columns"][1]["attribute"] = "person.nmae";
  const auto msg = catalogue_error(doc);
  CHECK(msg.find("dataset gaj_hukou (/datasets/0/columns/1/attribute)") != std::string::npos);
  CHECK(msg.find("did you mean \"person.name\"") != std::string::npos);
}

TEST_CASE("catalogue mistakes in frequency key column and authoritative source are precise") {
  auto doc = demo_catalogue();
  doc["datasets"][2]["update_frequency"] = "hourly";
  CHECK(catalogue_error(doc).find("/datasets/2/update_frequency): unknown update frequency \"hourly\"") !=
        std::string::npos);
  doc = demo_catalogue();
  doc["datasets"][0]["subject"]["key_column"] = "xm";
  CHECK(catalogue_error(doc).find("must be mapped to person.id_number") != std::string::npos);
  doc = demo_catalogue();
  doc["attributes"][1]["authoritative_source"] = "gaj_hukuo";
  CHECK(catalogue_error(doc).find("unknown dataset \"gaj_hukuo\" (did you mean \"gaj_hukou\"?)") != std::string::npos);
  doc = demo_catalogue();
  doc["datasets"][3]["table"] = "platform.scj company";
  CHECK(catalogue_error(doc).find("(/datasets/3/table)") != std::string::npos);
}

TEST_CASE("a rule pack with an unknown kind names the file the rule and the field") {
  auto doc = baseline_pack();
  doc["rules"][0]["kind"] = "requird";
  CHECK(pack_error(doc).find("pack.json: rule BL-REQ-001 (/rules/0/kind): unknown kind \"requird\" (did you mean "
                             "\"required\"?)") == 0);
}

TEST_CASE("rule pack parameter and deadline mistakes are precise") {
  auto doc = baseline_pack();
  doc["rules"][1]["params"]["regex"] = "1[3-9";
  CHECK(pack_error(doc).find("rule BL-PAT-001 (/rules/1/params/regex): is not a valid regular expression") !=
        std::string::npos);
  doc = baseline_pack();
  doc["rules"][3]["params"].erase("values");
  CHECK(pack_error(doc).find("(/rules/3/params/values): is missing") != std::string::npos);
  doc = baseline_pack();
  doc["rules"][0]["deadline"] = {{"working_day", 5}};
  CHECK(pack_error(doc).find("unknown key \"working_day\" (did you mean \"working_days\"?)") != std::string::npos);
  doc = baseline_pack();
  doc["rules"][2]["id"] = "BL-REQ-001";
  CHECK(pack_error(doc).find("the id is used by an earlier rule") != std::string::npos);
}

TEST_CASE("a rule pack naming an unknown dataset or attribute of the catalogue is refused") {
  auto doc = baseline_pack();
  doc["rules"][9]["targets"]["datasets"][0] = "rst_insure";
  CHECK(pack_error(doc).find("rule BL-REF-001 (/rules/9/targets/datasets/0): unknown dataset \"rst_insure\"") !=
        std::string::npos);
  doc = baseline_pack();
  doc["rules"][9]["params"]["base_dataset"] = "nowhere";
  CHECK(pack_error(doc).find("(/rules/9/params/base_dataset)") != std::string::npos);
  doc = baseline_pack();
  doc["rules"][10]["params"]["base_attribute"] = "org.adress";
  CHECK(pack_error(doc).find("(/rules/10/params/base_attribute): unknown canonical attribute \"org.adress\" (did you "
                             "mean \"org.address\"?)") != std::string::npos);
}

TEST_CASE("unreadable and malformed files name the path") {
  CHECK_THROWS_WITH_AS(engine::catalog::load_catalogue("/nonexistent/cat.json"),
                       doctest::Contains("/nonexistent/cat.json: cannot be read"), engine::catalog::CatalogueError);
  const std::string dir = testing::make_temp_dir("catalog");
  std::ofstream(dir + "/bad.json") << "{\"attributes\": [}";
  CHECK_THROWS_WITH_AS(engine::catalog::load_catalogue(dir + "/bad.json"), doctest::Contains("malformed JSON at byte"),
                       engine::catalog::CatalogueError);
}

TEST_CASE("a referential rule across two databases is accepted: both sides compare staged keys") {
  auto doc = baseline_pack();
  auto catalogue_doc = demo_catalogue();
  catalogue_doc["datasets"][2]["database_url"] = "postgresql://elsewhere/platform";  // rst_insured
  auto catalogue = engine::catalog::parse_catalogue(catalogue_doc, "cat.json");
  CHECK_NOTHROW(
      engine::catalog::check_pack_against_catalogue(rules::parse_rule_pack(doc, "pack.json"), catalogue, "pack.json"));
}

TEST_CASE("a range rule's bounds must fit the types of its attributes") {
  auto doc = baseline_pack();
  doc["rules"].push_back({{"id", "R-1"}, {"version", 1}, {"kind", "range"}, {"severity", "warning"},
                          {"targets", {{"attributes", {"person.birth_date"}}}}, {"params", {{"min", 0}}},
                          {"legal_basis", "x"}, {"deadline", {{"working_days", 1}}}});
  CHECK(pack_error(doc).find("is a number but the rule targets an attribute of type date") != std::string::npos);
  doc["rules"].back()["targets"]["attributes"] = {"person.name"};
  CHECK(pack_error(doc).find("has type text; kind range checks attributes of these types only: number, date") !=
        std::string::npos);
}
