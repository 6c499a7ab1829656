// The scan against hand-made rows whose defects are known one by one (tests/data/scan/).
#include <doctest/doctest.h>

#include <set>
#include <tuple>

#include <pqxx/pqxx>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/scanner.hpp"
#include "rules/ids/id_generator.hpp"
#include "tests/support/small_platform.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using namespace std::chrono;
using Key = std::tuple<std::string, std::string, std::string, std::string>;  // rule, dataset, record, attribute

namespace {

engine::Instant at(int y, unsigned m, unsigned d) {
  return engine::Instant(sys_days(year_month_day(year(y), month(m), day(d))).time_since_epoch());
}

std::string id(const char* region, int y, unsigned m, unsigned d, int seq) {
  return rules::ids::make_citizen_id(region, year_month_day(year(y), month(m), day(d)), seq);
}

struct Fixture {
  testing::TestDatabase db;
  engine::catalog::Catalogue catalogue =
      engine::catalog::load_catalogue(testing::source_dir() + "/tests/data/scan/catalogue.json");
  rules::RulePack pack =
      engine::catalog::load_rule_pack(testing::source_dir() + "/tests/data/scan/pack.json", catalogue);
  engine::scan::ScanObserver quiet;
  const engine::Instant now = at(2026, 11, 27);
  const std::string A = id("330106", 1990, 3, 7, 11), B = id("330106", 1985, 12, 1, 22), C = id("330102", 1970, 1, 1, 31),
                    D = id("330203", 2000, 2, 29, 41), E = id("330302", 1995, 5, 5, 51), F = id("330402", 1988, 8, 8, 61),
                    G = id("330502", 1999, 9, 9, 71), I = id("330602", 1977, 7, 7, 81);
  std::string bad_check;

  Fixture() {
    bad_check = A.substr(0, 17) + (A[17] == '0' ? '1' : '0');
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    tx.exec(testing::kSmallPlatformSchema);
    const std::string fresh = "2026-11-26 12:00:00+00";
    auto reg = [&](const char* rid, const std::string& idno, std::optional<std::string> name, const char* sex,
                   const char* birth) {
      tx.exec_params("INSERT INTO platform.reg VALUES ($1, $2, $3, $4, $5::date, $6)", rid, idno, name, sex, birth, fresh);
    };
    reg("r1", A, "张三", "1", "1990-03-07");
    reg("r2", B, "李四", "2", "1985-12-01");
    reg("r3", C, std::nullopt, "1", "1970-01-01");        // name missing
    reg("r4", bad_check, "钱七", "1", "1990-03-07");       // check character wrong
    reg("r5", D, "孙八", "1", "2000-02-29");               // D twice
    reg("r6", D, "孙八", "1", "2000-02-29");
    reg("r7", E, "周九", "1", "2099-01-01");               // future, and not the ID's date
    reg("r8", F, "吴十", "2", "1988-08-08");               // the ID says male
    reg("r9", I, "郑一", "9", "1977-07-07");               // not a sex code, so not the ID's either
    auto aid = [&](const char* rid, const std::string& idno, const char* name, const char* sex, const char* birth,
                   const char* phone, const std::string& updated) {
      tx.exec_params("INSERT INTO platform.aid VALUES ($1, $2, $3, $4, $5, $6, $7)", rid, idno, name, sex, birth, phone,
                     updated);
    };
    aid("a1", A, "张三\u3000", "男", "1990/3/7", "+86 138 0013 8000", fresh);  // noise only
    aid("a2", B, "李肆", "女", "1985年12月1日", "12345", fresh);                // name conflict, bad phone
    aid("a3", G, "冯二", "男", "19990909", "13900000000", fresh);                // not in the registry
    aid("a5", C, "王五", "男", "1970-01-01", "13700000000", "2026-08-01 00:00:00+00");  // stale row
    tx.commit();
  }

  engine::scan::ScanSummary scan(engine::scan::ScanMode mode = engine::scan::ScanMode::kFull,
                                 engine::Instant when = engine::Instant{}) {
    engine::scan::ScanRequest request;
    request.mode = mode;
    request.now = when == engine::Instant{} ? now : when;
    return engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet);
  }

  std::set<Key> open_findings() {
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    std::set<Key> out;
    for (const auto& row : tx.exec("SELECT rule_id, dataset_id, record_key, attribute FROM findings WHERE status = 'open'"))
      out.insert({row[0].c_str(), row[1].c_str(), row[2].c_str(), row[3].c_str()});
    return out;
  }

  void sql(const std::string& statement) { db.query_value(statement); }
};

const std::set<Key> kExpected = {
    {"BL-REQ-001", "reg", "r3", "person.name"},        {"BL-IDV-001", "reg", "r4", "person.id_number"},
    {"BL-UNQ-001", "reg", "r5", "person.id_number"},   {"BL-UNQ-001", "reg", "r6", "person.id_number"},
    // A future birth date and an out-of-domain code are their own rules' findings only
    // (precedence, docs/CATALOGUE.md).
    {"BL-DATE-001", "reg", "r7", "person.birth_date"},
    {"BL-CONS-001", "reg", "r8", "person.sex"},        {"BL-SET-001", "reg", "r9", "person.sex"},
    {"BL-CONF-001", "aid", "a2", "person.name"},       {"BL-PAT-001", "aid", "a2", "person.phone"},
    {"BL-REF-001", "aid", "a3", "person.id_number"},   {"BL-STALE-001", "aid", "a5", "_record"},
};

}  // namespace

TEST_CASE("a full scan finds exactly the planted defects") {
  Fixture f;
  auto summary = f.scan();
  CHECK(f.open_findings() == kExpected);
  CHECK(summary.findings_new == static_cast<std::int64_t>(kExpected.size()));
  CHECK(f.db.query_value("SELECT status FROM scans WHERE id = " + std::to_string(summary.scan_id)) == "succeeded");
  CHECK(f.db.query_value("SELECT evidence->>'reason' FROM findings WHERE rule_id = 'BL-IDV-001'") == "check_character");
  CHECK(f.db.query_value("SELECT evidence->'values'->>'reg' FROM findings WHERE rule_id = 'BL-CONF-001'") == "李四");
  CHECK(f.db.query_value("SELECT agency_code FROM findings WHERE rule_id = 'BL-CONF-001'") == "civ");
  // Quality: 1 of 9 registry rows lacks a name.
  CHECK(f.db.query_value("SELECT rows_failed || '/' || rows_checked FROM quality_scores WHERE dataset_id = 'reg' "
                         "AND rule_id = 'BL-REQ-001'") == "1/9");
}

TEST_CASE("a second scan finds the same findings again without duplicates") {
  Fixture f;
  f.scan();
  auto second = f.scan();
  CHECK(second.findings_new == 0);
  CHECK(second.findings_seen == static_cast<std::int64_t>(kExpected.size()));
  CHECK(second.findings_resolved == 0);
  CHECK(f.db.query_value("SELECT count(*) FROM findings") == std::to_string(kExpected.size()));
  CHECK(f.db.query_value("SELECT count(DISTINCT last_seen_scan) FROM findings") == "1");
}

TEST_CASE("fixing a row resolves its finding and breaking it again reopens it") {
  Fixture f;
  f.scan();
  f.sql("UPDATE platform.reg SET name = '王五' WHERE rid = 'r3'");
  auto fixed = f.scan();
  CHECK(fixed.findings_resolved == 1);
  auto expected = kExpected;
  expected.erase({"BL-REQ-001", "reg", "r3", "person.name"});
  CHECK(f.open_findings() == expected);
  CHECK(f.db.query_value("SELECT resolved_scan FROM findings WHERE rule_id = 'BL-REQ-001'") ==
        std::to_string(fixed.scan_id));
  f.sql("UPDATE platform.reg SET name = '' WHERE rid = 'r3'");
  auto broken = f.scan();
  CHECK(broken.findings_reopened == 1);
  CHECK(f.open_findings() == kExpected);
  CHECK(f.db.query_value("SELECT times_reopened FROM findings WHERE rule_id = 'BL-REQ-001'") == "1");
}

TEST_CASE("an incremental scan reads only changed rows and catches the conflict they cause") {
  Fixture f;
  f.scan();
  f.sql("UPDATE platform.aid SET xm = '张叁', updated_at = '2026-11-27 01:00:00+00' WHERE rid = 'a1'");
  auto inc = f.scan(engine::scan::ScanMode::kIncremental, f.now + hours(2));
  std::int64_t rows = 0;
  for (const auto& d : inc.datasets) rows += d.rows_read;
  CHECK(rows == 1);
  auto expected = kExpected;
  expected.insert({"BL-CONF-001", "aid", "a1", "person.name"});
  CHECK(f.open_findings() == expected);
  CHECK(inc.findings_resolved == 0);
  // Undo the change: the next incremental scan resolves the conflict it no longer finds.
  f.sql("UPDATE platform.aid SET xm = '张三', updated_at = '2026-11-27 03:00:00+00' WHERE rid = 'a1'");
  auto undo = f.scan(engine::scan::ScanMode::kIncremental, f.now + hours(4));
  CHECK(undo.findings_resolved == 1);
  CHECK(f.open_findings() == kExpected);
}

TEST_CASE("a failed scan leaves the findings as they were") {
  Fixture f;
  f.scan();
  f.sql("UPDATE platform.reg SET name = '王五' WHERE rid = 'r3'");
  f.sql("ALTER TABLE platform.aid RENAME COLUMN phone TO telephone");
  CHECK_THROWS(f.scan());
  CHECK(f.open_findings() == kExpected);
  CHECK(f.db.query_value("SELECT status FROM scans ORDER BY id DESC LIMIT 1") == "failed");
  CHECK(f.db.query_value("SELECT error FROM scans ORDER BY id DESC LIMIT 1").find("phone") != std::string::npos);
}

TEST_CASE("a second scan of the same dataset is refused while one holds its lock") {
  Fixture f;
  pqxx::connection holder(f.db.url());
  pqxx::nontransaction tx(holder);
  tx.exec("SELECT pg_advisory_lock(hashtext('jiaohe.scan'), hashtext('aid'))");
  CHECK_THROWS_WITH_AS(f.scan(), doctest::Contains("another scan is running on dataset aid"), engine::scan::ScanError);
  CHECK(f.db.query_value("SELECT count(*) FROM findings") == "0");
}

TEST_CASE("an unknown dataset name is refused with a suggestion") {
  Fixture f;
  engine::scan::ScanRequest request;
  request.datasets = {"regg"};
  request.now = f.now;
  CHECK_THROWS_WITH_AS(engine::scan::Scanner(f.db.url(), f.catalogue, f.pack).run(request, f.quiet),
                       doctest::Contains("unknown dataset \"regg\" (did you mean \"reg\"?)"), engine::scan::ScanError);
}

TEST_CASE("a dataset in a separate platform database is read there and still conflicts across agencies") {
  Fixture f;
  testing::TestDatabase platform;
  {
    pqxx::connection source(f.db.url()), target(platform.url());
    pqxx::work read(source), write(target);
    write.exec(testing::kSmallPlatformSchema);
    for (const auto& row : read.exec("SELECT rid, sfzh, xm, xb, csrq, phone, updated_at::text FROM platform.aid"))
      write.exec_params("INSERT INTO platform.aid VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)", row[0].c_str(),
                        row[1].c_str(), row[2].c_str(), row[3].c_str(), row[4].c_str(), row[5].c_str(), row[6].c_str());
    read.exec("DROP TABLE platform.aid");  // only the platform database has it now
    read.commit();
    write.commit();
  }
  for (auto& d : f.catalogue.datasets)
    if (d.id == "aid") d.database_url = platform.url();
  // A referential rule from aid to reg would span two databases: the pack loader refuses it.
  std::erase_if(f.pack.rules, [](const rules::RuleDef& r) { return r.kind == "referential"; });
  f.scan();
  auto expected = kExpected;
  expected.erase({"BL-REF-001", "aid", "a3", "person.id_number"});
  CHECK(f.open_findings() == expected);
}
