// The scan against tests/data/messy/province.sql: one hand-written row per variant class of
// real platform tables, each with the verdict docs/CATALOGUE.md gives it (platform.expected,
// platform.variants). One test per cause of issue 11, so that each says what broke.
#include <set>
#include <tuple>

#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/scan/scanner.hpp"
#include "tests/engine/scan/messy_data.hpp"

using namespace jiaohe;
using Key = std::tuple<std::string, std::string, std::string, std::string>;  // rule, dataset, record, attribute

namespace {

struct MessyProvince : testing::MessyData {
  engine::scan::ScanObserver quiet;
  const engine::Instant now = *engine::calendar::parse_instant("2026-11-27T08:00:00Z");

  engine::scan::ScanSummary scan(engine::scan::ScanMode mode = engine::scan::ScanMode::kFull) {
    engine::scan::ScanRequest request;
    request.mode = mode;
    request.now = now;
    return engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet);
  }

  std::set<Key> rows(const std::string& sql) {
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    std::set<Key> out;
    for (const auto& row : tx.exec(sql)) out.insert({row[0].c_str(), row[1].c_str(), row[2].c_str(), row[3].c_str()});
    return out;
  }
  std::set<Key> found(const std::string& where = "true") {
    return rows("SELECT rule_id, dataset_id, record_key, attribute FROM findings WHERE status = 'open' AND (" + where +
                ")");
  }
  std::set<Key> expected(const std::string& where = "true") {
    return rows("SELECT rule_id, dataset_id, record_key, attribute FROM platform.expected WHERE " + where);
  }
};

}  // namespace

TEST_CASE("the messy province: exactly the expected findings, none on a harmless variant") {
  MessyProvince p;
  const auto summary = p.scan();
  CHECK(p.found() == p.expected());
  CHECK(summary.findings_new == static_cast<std::int64_t>(p.expected().size()));
  // Every harmless row by name, so that a failure says which variant class went wrong.
  pqxx::connection c(p.db.url());
  pqxx::nontransaction tx(c);
  for (const auto& row : tx.exec("SELECT v.dataset_id, v.record_key, v.variant, count(f.id) FROM platform.variants v "
                                 "LEFT JOIN findings f ON f.dataset_id = v.dataset_id AND f.record_key = v.record_key "
                                 "WHERE v.verdict = 'harmless' GROUP BY 1, 2, 3")) {
    CAPTURE(row[0].c_str());
    CAPTURE(row[1].c_str());
    CAPTURE(row[2].c_str());
    CHECK(row[3].as<int>() == 0);
  }
  // A second scan finds the same records under the same identities.
  const auto again = p.scan();
  CHECK(again.findings_new == 0);
  CHECK(again.findings_resolved == 0);
}

TEST_CASE("issue 11.1: duplicate, NULL and blank record keys are unique_key findings; the scan completes") {
  MessyProvince p;
  const auto summary = p.scan();
  CHECK(p.db.query_value("SELECT status FROM scans WHERE id = " + std::to_string(summary.scan_id)) == "succeeded");
  CHECK(p.found("rule_id = 'M-UNQ-KEY'") == p.expected("rule_id = 'M-UNQ-KEY'"));
  CHECK(p.found("rule_id = 'M-UNQ-ID'") == p.expected("rule_id = 'M-UNQ-ID'"));
}

TEST_CASE("issue 11.2: a value of only U+3000, NBSP, U+200B or U+FEFF is blank") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("rule_id = 'M-REQ'") == p.expected("rule_id = 'M-REQ'"));
}

TEST_CASE("issue 11.3: keys are compared normalised by every rule (full-width, lower-case x)") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("kind = 'referential'") == p.expected("rule_id LIKE 'M-REF-%'"));
  CHECK(p.found("record_key IN ('h02', 'h03', 'a02', 'a03', 'i02', 'i03', '4')").empty());
}

TEST_CASE("issue 11.4: person and organisation names compare without cosmetic differences") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("rule_id = 'M-CONF'") == p.expected("rule_id = 'M-CONF'"));
}

TEST_CASE("issue 11.5: one defect, one finding (precedence)") {
  MessyProvince p;
  p.scan();
  // A malformed key: identifier only. An out-of-domain code, a future or inconsistent date:
  // the value's own rule only. A future birth date in the number: date_sanity only.
  for (const char* record : {"a07", "a12", "a13", "a16", "a18", "h13", "h14", "i06"}) {
    CAPTURE(record);
    CHECK(p.found("record_key = '" + std::string(record) + "'").size() == 1);
  }
  CHECK(p.found("record_key IN ('h13', 'a18')") == p.expected("record_key IN ('h13', 'a18')"));
}

TEST_CASE("issue 11.6: update columns of type timestamp, date and text are read in their zone and format") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("kind IN ('row_staleness', 'dataset_staleness')") ==
        p.expected("rule_id LIKE 'M-STALE-%'"));
}

TEST_CASE("issue 11.8: a referential rule on any attribute (the employer's credit code)") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("rule_id = 'M-REF-EMP'") == p.expected("rule_id = 'M-REF-EMP'"));
}

TEST_CASE("issue 11.9: 15-digit numbers are upgraded before matching when the catalogue allows them") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("record_key IN ('h12', 'a06', 'i04')").empty());
  CHECK(p.db.query_value("SELECT count(*) FROM canonical_values WHERE record_key = 'i04' "
                         "AND subject_id = '330106196504121234'") == "1");
}

TEST_CASE("issue 11.12: range checks numbers and dates, with bounds relative to the scan day") {
  MessyProvince p;
  p.scan();
  CHECK(p.found("kind = 'range'") == p.expected("rule_id LIKE 'M-RANGE-%'"));
}
