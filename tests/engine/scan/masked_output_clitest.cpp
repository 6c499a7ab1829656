// Nothing leaves the process unmasked (issue 11.10): `jiaohe scan` over data full of ID numbers
// and credit codes, on a path where the database's error quotes them, and on the normal path;
// every byte it prints (stdout, stderr, log lines) and the error it records are searched for an
// identifier in clear.
#include <doctest/doctest.h>

#include <regex>

#include <pqxx/pqxx>

#include "engine/util/process.hpp"
#include "tests/engine/scan/messy_data.hpp"

using namespace jiaohe;

namespace {

// An 18-character citizen ID or credit code, or a 15-digit number, standing alone.
const std::regex kUnmasked(R"((^|[^0-9A-Za-z*])([0-9]{15}|[0-9]{17}[0-9Xx]|[0-9A-HJ-NP-RTUW-Y]{18})($|[^0-9A-Za-z*]))");

struct Messy : testing::MessyData {
  engine::util::ProcessResult scan() {
    return engine::util::run_process({"env", "JIAOHE_LOG_LEVEL=debug", testing::jiaohe_binary(), "scan", "--full",
                                      "--database-url", db.url(), "--catalogue", dir + "/catalogue.json", "--pack",
                                      dir + "/pack.json"});
  }
};

std::string first_unmasked(const std::string& text) {
  std::smatch m;
  return std::regex_search(text, m, kUnmasked) ? m[2].str() : "";
}

}  // namespace

TEST_CASE("a scan whose database error quotes identifiers prints and records them masked") {
  Messy m;
  // The merge then fails with "Failing row contains (..., 330106199003070110, ...)".
  m.db.query_value("ALTER TABLE findings ADD CONSTRAINT no_subjects CHECK (subject_id IS NULL)");
  const auto r = m.scan();
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no_subjects") != std::string::npos);
  CHECK(r.output.find("******") != std::string::npos);  // the identifiers were there, masked
  CHECK(first_unmasked(r.output) == "");
  const auto recorded = m.db.query_value("SELECT error FROM scans ORDER BY id DESC LIMIT 1");
  CHECK(recorded.find("no_subjects") != std::string::npos);
  CHECK(first_unmasked(recorded) == "");
}

TEST_CASE("a scan that succeeds prints no identifier either") {
  Messy m;
  const auto r = m.scan();
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("tasks:") != std::string::npos);
  CHECK(first_unmasked(r.output) == "");
}

TEST_CASE("the masking covers 15-digit numbers, lower-case and full-width identifiers") {
  CHECK(first_unmasked("x 330106650412123 y") == "330106650412123");  // the regex itself finds them
  const auto r = engine::util::run_process({testing::jiaohe_binary(), "scan", "--datasets", "330106650412123",
                                            "--database-url", "postgresql:///nonexistent?host=/nonexistent"});
  CHECK(r.exit_code != 0);
  CHECK(first_unmasked(r.output) == "");
}
