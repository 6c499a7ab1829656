#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;
using jiaohe::testing::source_dir;

namespace {

// The highest V<NNN> of migrations/, read from the folder rather than from the binary.
int newest_migration() {
  int newest = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/migrations")) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 4 && name[0] == 'V') newest = std::max(newest, std::stoi(name.substr(1, 3)));
  }
  return newest;
}

}  // namespace

TEST_CASE("--version and version report the release, commit, schema version, calendars and data folder") {
  const auto r = run_process({jiaohe_binary(), "--version"});
  CHECK(r.exit_code == 0);
  CHECK(std::regex_search(r.output, std::regex(R"(^jiaohe \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)\n)")));
  CHECK(r.output.find("schema version: " + std::to_string(newest_migration()) + "\n") != std::string::npos);
  // The shipped notices are data/calendars/<year>.json, one per year.
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/data/calendars")) {
    const std::string stem = entry.path().stem().string();
    if (std::isdigit(static_cast<unsigned char>(stem[0]))) CHECK(r.output.find(stem) != std::string::npos);
  }
  const std::string data = std::filesystem::weakly_canonical(source_dir() + "/data").string();
  CHECK(r.output.find("data_dir: " + data + " (default: the source tree of this build)\n") != std::string::npos);
  CHECK(r.output.find("config file: none\n") != std::string::npos);
  CHECK(run_process({jiaohe_binary(), "version"}).output == r.output);
}

TEST_CASE("version says when data_dir comes from the environment and when its calendars cannot be read") {
  const std::string dir = jiaohe::testing::make_temp_dir("version-data");
  const auto r = run_process({"/usr/bin/env", "JIAOHE_DATA_DIR=" + dir, jiaohe_binary(), "version"});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("data_dir: " + dir + " (environment variable JIAOHE_DATA_DIR)\n") != std::string::npos);
  CHECK(r.output.find("calendars: none: ") != std::string::npos);
  CHECK(r.output.find(dir + "/calendars") != std::string::npos);
}
