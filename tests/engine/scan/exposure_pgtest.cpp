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
#include "engine/tasks/finding_loop.hpp"
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

// `rules` rules of the kind (EXP-001, EXP-002, ...), each due immediately.
rules::RulePack pack(const engine::catalog::Catalogue& cat, int rules = 1) {
  json list = json::array();
  for (int i = 1; i <= rules; ++i)
    list.push_back({{"id", "EXP-00" + std::to_string(i)},
                    {"version", 1},
                    {"kind", "personal_data_exposure"},
                    {"severity", "error"},
                    {"targets", json::object()},
                    {"legal_basis", "Art. 44 para. 3"},
                    {"deadline", {{"immediately", true}}}});
  auto p = rules::parse_rule_pack(json{{"pack", "exposure"}, {"version", "1"}, {"rules", list}}, "exposure-pack.json");
  engine::catalog::check_pack_against_catalogue(p, cat, "exposure-pack.json");
  return p;
}

engine::Instant at_shanghai(int y, unsigned m, unsigned d, int hour) {
  return engine::Instant(
      (sys_days(year_month_day(year(y), month(m), day(d))) + hours(hour) - hours(8)).time_since_epoch());
}

using Finding = std::pair<std::string, std::string>;  // dataset, attribute ("_column:<name>")

// The four tables of catalogue(), empty, and the scan that opens tasks for them.
struct ExposurePlatform {
  testing::TestDatabase db;
  engine::catalog::Catalogue cat = catalogue();
  rules::RulePack rules;
  engine::statute::StatuteProfile profile =
      engine::statute::load_statute_profile(testing::source_dir() + "/data/statutes/zhejiang-2022.json");
  engine::calendar::WorkingCalendar calendar = engine::calendar::load_calendar(testing::source_dir() + "/data/calendars");
  engine::tasks::WorkflowSetup setup;
  engine::scan::ScanAndOpenTasks scan;

  explicit ExposurePlatform(int exposure_rules = 1)
      : rules(pack(cat, exposure_rules)),
        setup{&profile, &calendar, &cat, engine::tasks::rule_limits(rules, profile)},
        scan(db.url(), cat, rules, setup) {
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    tx.exec("CREATE SCHEMA platform");
    // bz: free-text remarks; lxdh: a number column; jyz: an operator's code; safe: look-alikes.
    for (const char* table : {"pub", "res", "unpub", "plain"})
      tx.exec(std::string("CREATE TABLE platform.") + table +
              " (rid text PRIMARY KEY, tyshxydm text, mc text, bz text, lxdh bigint, jyz text, safe text,"
              "  gxsj timestamptz NOT NULL)");
    tx.commit();
  }

  // A scan of every dataset at `now`, and the tasks it opens.
  engine::scan::ScanOutcome run(engine::Instant now) {
    engine::scan::ScanObserver quiet;
    engine::scan::ScanRequest request;
    request.mode = engine::scan::ScanMode::kFull;
    request.datasets = {"pub", "res", "unpub", "plain"};
    request.now = now;
    return scan.run(request, quiet, engine::ManualClock{now});
  }
  std::string sql(const std::string& statement) const { return db.query_value(statement); }
};

}  // namespace

TEST_CASE("a dataset published unconditionally is searched in every column for personal identifiers") {
  ExposurePlatform platform;
  auto& db = platform.db;
  const auto& profile = platform.profile;
  const std::string citizen = rules::ids::make_citizen_id("330106", year_month_day(year(1990), month(3), day(7)), 11);
  const std::string individual = rules::ids::make_credit_code('9', '2', "330106", "MA2K3L4N");
  const std::string company1 = rules::ids::make_credit_code('9', '1', "330106", "MA2K3L41");
  const std::string company2 = rules::ids::make_credit_code('9', '1', "330106", "MA2K3L42");
  const std::string company3 = rules::ids::make_credit_code('9', '1', "330106", "MA2K3L43");
  {
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    for (const char* table : {"pub", "res", "unpub", "plain"}) {
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
  const auto outcome = platform.run(at_shanghai(2026, 12, 2, 10));

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
  const auto second = platform.run(at_shanghai(2026, 12, 2, 12));
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

// Art. 44 para. 3, "suspend until the risk is removed", at the level of the dataset: the first
// open exposure task suspends the dataset's publication, the last one to become final resumes
// it, each told once to the open-data platform in that task's own transaction.
namespace {

// The platform's notices about the dataset `pub`, oldest first: "kind/state" each.
std::string dataset_notices(const ExposurePlatform& p) {
  return p.sql("SELECT coalesce(string_agg(kind || '/' || (payload->'publication'->>'state'), ',' ORDER BY id), '') "
               "FROM outbox WHERE recipient = 'open_data' AND payload->'publication'->>'scope' = 'dataset' "
               "AND payload->'publication'->>'dataset_id' = 'pub'");
}

// One row of `pub` (and of the restricted dataset, which must stay silent) with `remark` in its
// free-text column and `code` as its operator's code.
void put_row(const ExposurePlatform& p, const std::string& remark, const std::optional<std::string>& code) {
  pqxx::connection c(p.db.url());
  pqxx::work tx(c);
  for (const char* table : {"pub", "res"})
    tx.exec_params(std::string("INSERT INTO platform.") + table +
                       " VALUES ('r1', $1, '甲公司', $2, NULL, $3, NULL, now()) "
                       "ON CONFLICT (rid) DO UPDATE SET bz = excluded.bz, jyz = excluded.jyz",
                   rules::ids::make_credit_code('9', '1', "330106", "MA2K3L41"), remark, code);
  tx.commit();
}

const std::string kCitizen = rules::ids::make_citizen_id("330106", year_month_day(year(1990), month(3), day(7)), 11);
const engine::tasks::Actor kClerk{"clerk zhao", engine::tasks::ActorRole::kAgency, "scj"};

}  // namespace

TEST_CASE("an exposure task suspends its dataset once, and the last one to close resumes it") {
  ExposurePlatform p(2);  // two rules of the kind: every exposure is two findings, two tasks
  put_row(p, "经办人身份证 " + kCitizen, std::nullopt);
  const auto first = p.run(at_shanghai(2026, 12, 2, 10));
  REQUIRE(first.opened_tasks.size() == 2);
  // Two tasks opened, one notice: the dataset is suspended, not each finding.
  CHECK(dataset_notices(p) == "publication_suspended/suspended");
  CHECK(p.sql("SELECT state || '/' || task_id FROM dataset_publication WHERE dataset_id = 'pub'") ==
        "suspended/" + std::to_string(first.opened_tasks[0]));
  CHECK(p.sql("SELECT count(*) FROM dataset_publication") == "1");  // the restricted dataset is not open data
  // In the opening's own transaction: the task, the state and the notice share one xmin.
  CHECK(p.sql("SELECT count(DISTINCT x) FROM (SELECT xmin::text x FROM tasks UNION ALL "
              "SELECT xmin::text FROM dataset_publication UNION ALL "
              "SELECT xmin::text FROM outbox WHERE recipient = 'open_data') s") == "1");
  // The notice names the dataset and no person (a webhook leaves the process).
  CHECK(p.sql("SELECT payload->'publication'->>'dataset_id' || '/' || (payload->'task'->>'id') FROM outbox "
              "WHERE kind = 'publication_suspended'") == "pub/" + std::to_string(first.opened_tasks[0]));
  CHECK(p.sql("SELECT count(*) FROM outbox WHERE payload::text LIKE '%" + kCitizen.substr(6, 8) + "%'") == "0");
  CHECK(p.sql("SELECT action FROM task_events WHERE task_id = " + std::to_string(first.opened_tasks[0]) +
              " AND action LIKE 'publication%'") == "publication_suspended");

  // A second exposure of the dataset (another column) while it is suspended: new findings and
  // tasks, no second notice.
  put_row(p, "经办人身份证 " + kCitizen, rules::ids::make_credit_code('9', '2', "330106", "MA2K3L4N"));
  const auto second = p.run(at_shanghai(2026, 12, 2, 11));
  REQUIRE(second.opened_tasks.size() == 2);
  CHECK(dataset_notices(p) == "publication_suspended/suspended");

  // The agency confirms one task's finding, corrects another's: two tasks still open.
  engine::tasks::FindingLoop loop(p.db.url(), p.setup);
  const auto now = at_shanghai(2026, 12, 2, 12);
  loop.answer_findings(first.opened_tasks[0], engine::tasks::FindingAnswer::kConfirmedAccurate,
                       "the remark is the operator's, published with consent", kClerk, now);
  loop.answer_findings(first.opened_tasks[1], engine::tasks::FindingAnswer::kCorrected, "", kClerk, now);
  CHECK(dataset_notices(p) == "publication_suspended/suspended");
  CHECK(p.sql("SELECT state FROM dataset_publication") == "suspended");

  // The corrected remark is verified and the operator's code removed: the last task to close
  // resumes the dataset, in its own transaction.
  put_row(p, "经办人身份证 330106********0011", std::nullopt);
  p.run(at_shanghai(2026, 12, 2, 13));
  CHECK(p.sql("SELECT count(*) FROM tasks WHERE status <> 'closed'") == "0");
  CHECK(dataset_notices(p) == "publication_suspended/suspended,publication_resumed/resumed");
  const auto last = p.sql("SELECT task_id FROM dataset_publication WHERE state = 'resumed'");
  CHECK(last == std::to_string(second.opened_tasks[1]));
  CHECK(p.sql("SELECT count(DISTINCT x) FROM (SELECT xmin::text x FROM tasks WHERE id = " + last +
              " UNION ALL SELECT xmin::text FROM dataset_publication UNION ALL "
              "SELECT xmin::text FROM outbox WHERE kind = 'publication_resumed') s") == "1");
  CHECK(p.sql("SELECT count(*) FROM task_events WHERE action = 'publication_resumed' AND task_id = " + last) == "1");

  // Exposed again later: suspended again.
  put_row(p, "经办人身份证 " + kCitizen, std::nullopt);
  p.run(at_shanghai(2026, 12, 2, 14));
  CHECK(dataset_notices(p) ==
        "publication_suspended/suspended,publication_resumed/resumed,publication_suspended/suspended");
}

TEST_CASE("the agency's answer that closes the last exposure task resumes the dataset in its transaction") {
  ExposurePlatform p;
  put_row(p, "经办人身份证 " + kCitizen, std::nullopt);
  const auto opened = p.run(at_shanghai(2026, 12, 2, 10)).opened_tasks;
  REQUIRE(opened.size() == 1);
  engine::tasks::FindingLoop loop(p.db.url(), p.setup);
  loop.answer_findings(opened[0], engine::tasks::FindingAnswer::kRejected, "the number is a test card's",
                       kClerk, at_shanghai(2026, 12, 2, 11));
  CHECK(dataset_notices(p) == "publication_suspended/suspended,publication_resumed/resumed");
  CHECK(p.sql("SELECT count(DISTINCT x) FROM (SELECT xmin::text x FROM tasks UNION ALL "
              "SELECT xmin::text FROM dataset_publication UNION ALL "
              "SELECT xmin::text FROM outbox WHERE kind = 'publication_resumed') s") == "1");
}
