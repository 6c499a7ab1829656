// The catalogue against the database before a row is read (issue 11.7): a missing table, a
// missing column and an update column of the wrong type are named with the catalogue file, the
// dataset, the JSON pointer and the fix, by the scan and by `jiaohe catalogue check`.
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/scan/scanner.hpp"
#include "engine/util/process.hpp"
#include "tests/engine/scan/messy_data.hpp"

using namespace jiaohe;

namespace {

struct Messy : testing::MessyData {
  std::string scan_error() {
    engine::scan::ScanRequest request;
    request.now = *engine::calendar::parse_instant("2026-11-27T08:00:00Z");
    engine::scan::ScanObserver quiet;
    try {
      engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet);
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
  engine::util::ProcessResult check_command() {
    return engine::util::run_process({testing::jiaohe_binary(), "catalogue", "check", "--database-url", db.url(),
                                      "--catalogue", dir + "/catalogue.json", "--pack", dir + "/pack.json"});
  }
};

}  // namespace

TEST_CASE("a missing table is named with file, dataset and pointer before any row is read") {
  Messy m;
  m.db.query_value("ALTER TABLE platform.tax RENAME TO taxes");
  const auto error = m.scan_error();
  CHECK(error.find(m.dir + "/catalogue.json: dataset tax (/datasets/4/table): table platform.tax does not exist") !=
        std::string::npos);
  CHECK(m.db.query_value("SELECT count(*) FROM findings") == "0");
  CHECK(m.db.query_value("SELECT status FROM scans") == "failed");
  const auto r = m.check_command();
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("dataset tax (/datasets/4/table)") != std::string::npos);
}

TEST_CASE("a missing column is named with its pointer and the nearest column") {
  Messy m;
  m.db.query_value("ALTER TABLE platform.aid RENAME COLUMN lxdh TO lxdhh");
  const auto error = m.scan_error();
  CHECK(error.find("dataset aid (/datasets/1/columns/4/column): column \"lxdh\" does not exist in platform.aid "
                   "(did you mean \"lxdhh\"?)") != std::string::npos);
}

TEST_CASE("an update column of the wrong type is refused at load, with the fix") {
  Messy m;
  m.db.query_value("ALTER TABLE platform.biz ALTER COLUMN gxrq TYPE integer USING 1");
  CHECK(m.scan_error().find("dataset biz (/datasets/2/last_update_column): column gxrq has type integer") !=
        std::string::npos);
  Messy text;
  text.db.query_value("ALTER TABLE platform.aid ALTER COLUMN update_time TYPE text");
  CHECK(text.scan_error().find("dataset aid (/datasets/1/last_update_format): column update_time is text: declare") !=
        std::string::npos);
}

TEST_CASE("catalogue check prints what a scan would read") {
  Messy m;
  const auto r = m.check_command();
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("hh (户籍人口, 公安): platform.hh in Jiaohe's database") != std::string::npos);
  CHECK(r.output.find("last update  gxsj (timestamp without time zone, read as local time in Asia/Shanghai)") !=
        std::string::npos);
  CHECK(r.output.find("last update  aae036 (text, read as text \"%Y%m%d%H%M%S\"") != std::string::npos);
  CHECK(r.output.find("column       dwdm (text) -> person.employer_credit_code, normaliser credit_code") !=
        std::string::npos);
  CHECK(r.output.find("set rules    M-STALE-HH row_staleness") != std::string::npos);
}
