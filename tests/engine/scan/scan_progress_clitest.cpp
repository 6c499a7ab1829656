// `jiaohe scan` as a person sees it (issue 17.6; 17.4 for the error): on a terminal, one live
// line under the log, each phase's line kept when it ends, log lines above the live line and
// never inside it; elsewhere, plain lines without terminal controls; a failed scan's error
// printed once.
#include <doctest/doctest.h>

#include <regex>

#include "engine/util/process.hpp"
#include "tests/engine/scan/messy_data.hpp"
#include "tests/support/terminal_process.hpp"

using namespace jiaohe;

namespace {

struct Messy : testing::MessyData {
  std::vector<std::string> scan_argv() const {
    return {testing::jiaohe_binary(), "scan", "--full", "--database-url", db.url(), "--catalogue",
            dir + "/catalogue.json", "--pack", dir + "/pack.json"};
  }
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (auto at = s.find(part); at != std::string::npos; at = s.find(part, at + part.size())) ++n;
  return n;
}

// The phase lines a finished scan of the messy province leaves (its catalogue's datasets).
void check_phase_lines(const std::vector<std::string>& lines) {
  const std::regex share(R"(^\[ *[0-9]+%\] )");
  std::vector<std::string> phases;
  for (const auto& l : lines)
    // (Off a terminal a long reading also prints how far it got, every few seconds.)
    if (std::regex_search(l, share) && !contains(l, "] reading ")) phases.push_back(l);
  REQUIRE(phases.size() >= 4);
  // Every dataset read and its values stored, then the set rules rule by rule, the merge, the
  // task opening: in order.
  std::size_t i = 0;
  while (i + 1 < phases.size() && contains(phases[i], "] read ")) {
    CHECK(contains(phases[i + 1], "] stored "));
    i += 2;
  }
  CHECK(i >= 4);
  const std::size_t first_rule = i;
  while (i < phases.size() && contains(phases[i], "] set rule ")) ++i;
  CHECK(i > first_rule);
  CHECK(contains(phases[first_rule], "set rule 1 of "));
  REQUIRE(i + 2 == phases.size());
  CHECK(contains(phases[i], "] merged findings in "));
  CHECK(contains(phases[i + 1], "[100%] opened tasks in "));
}

}  // namespace

TEST_CASE("on a terminal: one live line, each phase's line kept, log lines above it and never inside") {
  Messy m;
  // Info level: scan.started and scan.finished are logged while a live line is shown.
  const auto run = testing::run_on_terminal(m.scan_argv(), {"JIAOHE_LOG_LEVEL=info"});
  REQUIRE(run.exit_code == 0);
  CHECK(contains(run.bytes, "\r\033[K"));  // the live line was drawn and redrawn in place
  const auto screen = testing::screen_lines(run.bytes);
  int log_lines = 0;
  for (const auto& line : screen) {
    const bool log = contains(line, " level=");
    const bool progress = line.find("%] ") != std::string::npos;
    CHECK_MESSAGE(!(log && progress), line);  // nothing printed inside another line
    if (log) {
      ++log_lines;
      CHECK_MESSAGE(std::regex_search(line, std::regex(R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T)")), line);  // from column 0
    }
    // The live line is gone at the end: only finished phases stay.
    CHECK_FALSE(contains(line, "] reading "));
    CHECK_FALSE(contains(line, "] merging findings, "));
    CHECK_FALSE(contains(line, "] opening tasks, "));
  }
  CHECK(log_lines >= 2);
  check_phase_lines(screen);
  CHECK(contains(screen.back(), "verify_finding task(s) opened"));
}

TEST_CASE("not on a terminal: plain lines, one per phase, no terminal controls") {
  Messy m;
  const auto r = engine::util::run_process(m.scan_argv());
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.output, "\r"));
  CHECK_FALSE(contains(r.output, "\033"));
  std::vector<std::string> lines;
  std::string line;
  for (char c : r.output) {
    if (c != '\n') {
      line += c;
      continue;
    }
    lines.push_back(line);
    line.clear();
  }
  check_phase_lines(lines);
}

TEST_CASE("a failed scan prints its error once, and no phase line claims the failed phase ended") {
  Messy m;
  m.db.query_value("ALTER TABLE findings ADD CONSTRAINT no_subjects CHECK (subject_id IS NULL)");  // the merge fails
  for (const bool terminal : {false, true}) {
    CAPTURE(terminal);
    const std::string output = terminal ? testing::run_on_terminal(m.scan_argv()).bytes
                                        : engine::util::run_process(m.scan_argv()).output;
    CHECK(occurrences(output, "no_subjects") == 1);
    CHECK_FALSE(contains(output, "merged findings"));
    CHECK_FALSE(contains(output, "opened tasks"));
  }
}
