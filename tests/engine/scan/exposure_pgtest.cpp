// personal_data_exposure (Art. 44 para. 3) against hand-made rows: the expected findings are
// written from docs/CATALOGUE.md's definition, one row per case, with harmless variants that
// must find nothing and the same rows in a restricted dataset that must find nothing either.
#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <set>
#include <utility>

#include <pqxx/pqxx>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/tasks/workflow_setup.hpp"
#include "rules/ids/id_generator.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using namespace std::chrono;
using nlohmann::json;

namespace {

json dataset(const std::string& id, const std::string& table, const json& opening) {
  json d = {{"id", id},
            {"title", id},
            {"agency", {{"code", "scj"}, {"name", "Market regulation"}}},
            {"table", table},
            {"subject", {{"type", "organisation"}, {"key_column", "tyshxydm"}}},
            {"record_key", "rid"},
            {"last_update_column", "gxsj"},
            {"update_frequency", "monthly"},
            {"columns", json::array({{{"column", "tyshxydm"}, {"attribute", "org.credit_code"}},
                                     {{"column", "mc"}, {"attribute", "org.name"}}})}};
  if (!opening.is_null()) d["opening"] = opening;
  return d;
}

// The data standard of tests/data/scan/catalogue.json with four datasets of the same table
// shape that differ only in their opening.
engine::catalog::Catalogue catalogue() {
  std::ifstream in(testing::source_dir() + "/tests/data/scan/catalogue.json");
  json doc = json::parse(in);
  for (const auto& d : {dataset("pub", "platform.pub", {{"class", "unconditional"}, {"published", true}}),
                        dataset("res", "platform.res", {{"class", "restricted"}, {"published", true}}),
                        dataset("unpub", "platform.unpub", {{"class", "unconditional"}, {"published", false}}),
                        dataset("plain", "platform.plain", nullptr)})
    doc["datasets"].push_back(d);
  return engine::catalog::parse_catalogue(doc, "exposure-catalogue.json");
}

rules::RulePack pack(const engine::catalog::Catalogue& cat) {
  const json doc = {{"pack", "exposure"},
                    {"version", "1"},
                    {"rules", json::array({{{"id", "EXP-001"},
                                            {"version", 1},
                                            {"kind", "personal_data_exposure"},
                                            {"severity", "error"},
                                            {"targets", json::object()},
                                            {"legal_basis", "Art. 44 para. 3"},
                                            {"deadline", {{"immediately", true}}}}})}};
  auto p = rules::parse_rule_pack(doc, "exposure-pack.json");
  engine::catalog::check_pack_against_catalogue(p, cat, "exposure-pack.json");
  return p;
}

engine::Instant at_shanghai(int y, unsigned m, unsigned d, int hour) {
  return engine::Instant(
      (sys_days(year_month_day(year(y), month(m), day(d))) + hours(hour) - hours(8)).time_since_epoch());
}

using Finding = std::pair<std::string, std::string>;  // dataset, attribute ("_column:<name>")

}  // namespace

TEST_CASE("a dataset published unconditionally is searched in every column for personal identifiers") {
  testing::TestDatabase db;
  const std::string citizen = rules::ids::make_citizen_id("330106", year_month_day(year(1990), month(3), day(7)), 11);
  const std::string individual = rules::ids::make_credit_code('9', '2', "330106", "MA2K3L4N");
  const std::string company1 = rules::ids::make_credit_code('9', '1', "330106", "MA2K3L41");
  const std::string company2 = rules::ids::make_credit_code('9', '1', "330106", "MA2K3L42");
  const std::string company3 = rules::ids::make_credit_code('9', '1', "330106", "MA2K3L43");
  {
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    tx.exec("CREATE SCHEMA platform");
    for (const char* table : {"pub", "res", "unpub", "plain"}) {
      // bz: free-text remarks; lxdh: a number column; jyz: an operator's code; safe: look-alikes.
      tx.exec(std::string("CREATE TABLE platform.") + table +
              " (rid text PRIMARY KEY, tyshxydm text, mc text, bz text, lxdh bigint, jyz text, safe text,"
              "  gxsj timestamptz NOT NULL)");
      const std::string insert = std::string("INSERT INTO platform.") + table + " VALUES ($1,$2,$3,$4,$5,$6,$7,now())";
      // Row 1: an unmapped remark holds a citizen number; the phone column a mobile number.
      tx.exec_params(insert, "r1", company1, "甲公司", "经办人身份证 " + citizen, std::optional<long long>(13800138000LL), std::optional<std::string>(),
                     "330106********0011");
      // Row 2: the remark holds a mobile number in groups; the operator's code is an individual's.
      tx.exec_params(insert, "r2", company2, "乙公司", "联系人 138-0013-8000", std::optional<long long>(), individual, "0571-87654321");
      // Row 3: nothing personal: a company's own code, a landline, masked values, an order number.
      tx.exec_params(insert, "r3", company3, "丙公司", "订单 20261202000000000001", std::optional<long long>(57187654321LL), company1,
                     "138****8000");
    }
    tx.commit();
  }
  const auto cat = catalogue();
  const auto p = pack(cat);
  const auto profile = engine::statute::load_statute_profile(testing::source_dir() + "/data/statutes/zhejiang-2022.json");
  const auto calendar = engine::calendar::load_calendar(testing::source_dir() + "/data/calendars");
  const engine::tasks::WorkflowSetup setup{&profile, &calendar, &cat, engine::tasks::rule_limits(p, profile)};
  engine::scan::ScanAndOpenTasks scan(db.url(), cat, p, setup);
  engine::scan::ScanObserver quiet;
  engine::scan::ScanRequest request;
  request.mode = engine::scan::ScanMode::kFull;
  request.datasets = {"pub", "res", "unpub", "plain"};
  request.now = at_shanghai(2026, 12, 2, 10);
  const engine::ManualClock clock{request.now};
  const auto outcome = scan.run(request, quiet, clock);

  std::set<Finding> found;
  {
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    for (const auto& row : tx.exec("SELECT dataset_id, attribute FROM findings WHERE status = 'open'"))
      found.insert({row[0].c_str(), row[1].c_str()});
  }
  // Only the published unconditional dataset, only the columns that hold an identifier.
  const std::set<Finding> expected = {{"pub", "_column:bz"}, {"pub", "_column:lxdh"}, {"pub", "_column:jyz"}};
  CHECK(found == expected);
  CHECK(db.query_value("SELECT evidence->'rows_with'->>'citizen_id' || '/' || (evidence->'rows_with'->>'mobile') "
                       "FROM findings WHERE attribute = '_column:bz'") == "1/1");
  CHECK(db.query_value("SELECT evidence->'rows_with'->>'individual_business_code' FROM findings "
                       "WHERE attribute = '_column:jyz'") == "1");
  CHECK(db.query_value("SELECT evidence->'rows_with'->>'mobile' FROM findings WHERE attribute = '_column:lxdh'") == "1");
  // The evidence names the column and counts; it never carries the value.
  CHECK(db.query_value("SELECT count(*) FROM findings WHERE evidence::text LIKE '%" + citizen.substr(6, 8) + "%' OR "
                       "evidence::text LIKE '%13800138000%' OR evidence::text LIKE '%" + individual + "%'") == "0");
  // Its task is due immediately: the statute profile's immediately_hours (Art. 44 para. 3).
  REQUIRE(outcome.opened_tasks.size() == 1);
  CHECK(db.query_value("SELECT (extract(epoch FROM due_at - received_at) / 3600)::int FROM tasks WHERE id = " +
                       std::to_string(outcome.opened_tasks[0])) == std::to_string(profile.immediately_hours));

  // Masking the remark and the operator's code and clearing the phone resolves all three.
  db.query_value("UPDATE platform.pub SET bz = '经办人身份证 330106********0011', lxdh = NULL, jyz = NULL");
  request.now = at_shanghai(2026, 12, 2, 12);
  const auto second = scan.run(request, quiet, engine::ManualClock{request.now});
  CHECK(second.summary.findings_resolved == 3);
  CHECK(db.query_value("SELECT count(*) FROM findings WHERE status = 'open'") == "0");
}

TEST_CASE("a catalogue's opening is checked like every other field") {
  std::ifstream in(testing::source_dir() + "/tests/data/scan/catalogue.json");
  json doc = json::parse(in);
  doc["datasets"].push_back(dataset("d", "platform.d", {{"class", "open"}}));
  const std::string at = "/datasets/" + std::to_string(doc["datasets"].size() - 1) + "/opening";
  const auto error = [&]() -> std::string {
    try {
      engine::catalog::parse_catalogue(doc, "cat.json");
    } catch (const engine::catalog::CatalogueError& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK(error().find(at + "/class") != std::string::npos);
  doc["datasets"].back()["opening"] = {{"class", "prohibited"}, {"published", true}};
  CHECK(error().find("cannot be published") != std::string::npos);
  doc["datasets"].back()["opening"] = {{"class", "restricted"}, {"published", "yes"}};
  CHECK(error().find(at + "/published") != std::string::npos);
  doc["datasets"].back()["opening"] = {{"class", "unconditional"}, {"published", true}};
  CHECK(engine::catalog::parse_catalogue(doc, "cat.json").datasets.back().opened_unconditionally());
}
