// The missing-holiday-notice warning appears where it matters (serve's start, a task deadline
// counted provisionally) and nowhere else; log lines carry Asia/Shanghai time unless configured.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <sstream>

#include "engine/util/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

namespace {

// A calendar folder with the regulation's fixed holidays but no State Council notice: every
// year is missing.
std::string calendars_without_notices() {
  const std::string dir = jiaohe::testing::make_temp_dir("no-notices");
  std::filesystem::copy_file(jiaohe::testing::source_dir() + "/data/calendars/fixed-holidays.json",
                             dir + "/fixed-holidays.json");
  return dir;
}

int this_year_in_shanghai() {
  using namespace std::chrono;
  return static_cast<int>(year_month_day{floor<days>(system_clock::now() + hours{8})}.year());
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The log lines of `text` (those starting with a timestamp).
std::vector<std::string> log_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] >= '0' && line[0] <= '9') out.push_back(line);
  return out;
}

// Seconds between the instant a log line's timestamp names and now.
long long seconds_from_now(const std::string& line) {
  static const std::regex stamp(R"(^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{3}([+-])(\d\d):(\d\d) )");
  std::smatch m;
  REQUIRE(std::regex_search(line, m, stamp));
  using namespace std::chrono;
  const auto day = sys_days{year{std::stoi(m[1])} / std::stoi(m[2]) / std::stoi(m[3])};
  const auto offset = hours{std::stoi(m[8])} + minutes{std::stoi(m[9])};
  const auto local = day + hours{std::stoi(m[4])} + minutes{std::stoi(m[5])} + seconds{std::stoi(m[6])};
  const auto utc = m[7] == "+" ? local - offset : local + offset;
  return duration_cast<seconds>(system_clock::now() - utc).count();
}

}  // namespace

TEST_CASE("serve warns at its start about this year's and next year's missing notices, once each") {
  jiaohe::testing::TestDatabase db;
  jiaohe::testing::ServeProcess serve(db.url(), {"--calendars", calendars_without_notices()});
  REQUIRE(serve.port() != 0);
  CHECK(serve.terminate_and_wait() == 0);
  const std::string errors = serve.errors();
  const int year = this_year_in_shanghai();
  CHECK(count(errors, "event=calendar.year_missing year=" + std::to_string(year) + " ") == 1);
  CHECK(count(errors, "event=calendar.year_missing year=" + std::to_string(year + 1) + " ") == 1);
  CHECK(errors.find("fix=") != std::string::npos);
  // Its first line says which build runs and which data folder it uses, and why.
  CHECK(errors.find("event=jiaohe.start command=serve release=") != std::string::npos);
  CHECK(errors.find("data_dir_from=\"default: the source tree of this build\"") != std::string::npos);
}

TEST_CASE("commands that count no deadline do not warn about missing notices") {
  jiaohe::testing::TestDatabase db;
  const std::string empty = calendars_without_notices();
  const auto sweep = run_process({jiaohe_binary(), "sweep", "--database-url", db.url(), "--calendars", empty});
  CHECK(sweep.exit_code == 0);
  CHECK(sweep.output.find("calendar.year_missing") == std::string::npos);
  const auto migrate = run_process({jiaohe_binary(), "migrate", "--database-url", db.url()});
  CHECK(migrate.output.find("calendar") == std::string::npos);
  // A period inside years the shipped notices cover: no note at all.
  const auto covered =
      run_process({jiaohe_binary(), "deadline", "--from", "2026-06-01T10:00:00+08:00", "--working-days", "5"});
  CHECK(covered.output == "2026-06-09T00:00:00+08:00\n");
}

TEST_CASE("a provisional deadline says which year lacks its notice") {
  const auto r = run_process({jiaohe_binary(), "deadline", "--from", "2026-06-01T10:00:00+08:00", "--working-days",
                              "5", "--calendars", calendars_without_notices()});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("2026-06-09T00:00:00+08:00\tprovisional\n") != std::string::npos);
  CHECK(r.output.find("2026 has no State Council holiday notice") != std::string::npos);
}

TEST_CASE("a scan whose new tasks get provisional deadlines warns once, not once per task") {
  jiaohe::testing::TestDatabase db;
  const auto generated = run_process({jiaohe_binary(), "generate", "--subjects", "300", "--defect-rate", "0.1",
                                      "--database-url", db.url()});
  REQUIRE(generated.exit_code == 0);
  const auto scan = run_process(
      {jiaohe_binary(), "scan", "--database-url", db.url(), "--calendars", calendars_without_notices()});
  CHECK(scan.exit_code == 0);
  REQUIRE(scan.output.find("tasks: 0 ") == std::string::npos);  // tasks were opened
  CHECK(count(scan.output, "event=calendar.year_missing") == 1);
  CHECK(scan.output.find("year=" + std::to_string(this_year_in_shanghai())) != std::string::npos);
}

TEST_CASE("log lines carry Asia/Shanghai time whatever the server's TZ, or the configured zone") {
  jiaohe::testing::TestDatabase db;
  // The wall time must be the zone's own, not New York's (the process's TZ) or UTC's.
  const std::pair<std::string, std::string> runs[] = {{"TZ=America/New_York", "+08:00 level="},
                                                      {"JIAOHE_LOG_TIME_ZONE=UTC", "+00:00 level="}};
  for (const auto& [environment, stamp_end] : runs) {
    CAPTURE(environment);
    jiaohe::testing::ServeProcess serve(db.url(), {}, {environment});
    REQUIRE(serve.port() != 0);
    serve.terminate_and_wait();
    const auto lines = log_lines(serve.errors());
    REQUIRE(!lines.empty());
    for (const auto& line : lines) {
      CAPTURE(line);
      CHECK(line.find(stamp_end) == 23);
      CHECK(std::abs(seconds_from_now(line)) < 600);
    }
  }
  const auto bad = run_process({"/usr/bin/env", "JIAOHE_LOG_TIME_ZONE=Europe/Paris", jiaohe_binary(), "version"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("\"log.time_zone\" must be \"Asia/Shanghai\", \"UTC\" or a fixed offset") != std::string::npos);
}
