#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = jiaohe::testing::make_temp_dir("config-cli") + "/" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("config shows each key's value and where it comes from, without secrets") {
  const std::string file = write_file("jiaohe.json", R"({
    // comments are allowed
    "server": {"port": 9001},  /* and this kind */
    "notify": {"secret": "hunter2-webhook"}
  })");
  const auto r = run_process({"/usr/bin/env", "JIAOHE_DATABASE_URL=postgresql://app:hunter2@db.example/jiaohe",
                              jiaohe_binary(), "--config", file, "config"});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("config file: " + file + "\n") != std::string::npos);
  CHECK(r.output.find("9001") != std::string::npos);
  CHECK(r.output.find("config file " + file) != std::string::npos);
  CHECK(r.output.find("postgresql://app:***@db.example/jiaohe") != std::string::npos);
  CHECK(r.output.find("environment variable JIAOHE_DATABASE_URL") != std::string::npos);
  CHECK(r.output.find("(set, not shown)") != std::string::npos);
  CHECK(r.output.find("hunter2") == std::string::npos);
}

TEST_CASE("config --example is a file that loads as it is and keeps every key's default") {
  const auto example = run_process({"/usr/bin/env", "JIAOHE_HOME=/var/lib/jiaohe", jiaohe_binary(), "config", "--example"});
  CHECK(example.exit_code == 0);
  CHECK(example.output.find("\"home\": \"/var/lib/jiaohe\"") != std::string::npos);
  CHECK(example.output.find("// \"port\": 8080") != std::string::npos);
  CHECK(example.output.find("[JIAOHE_LOG_TIME_ZONE]") != std::string::npos);
  const std::string file = write_file("example.json", example.output);
  const auto loaded = run_process({jiaohe_binary(), "--config", file, "config"});
  CHECK(loaded.exit_code == 0);
  CHECK(loaded.output.find("\"/var/lib/jiaohe\"") != std::string::npos);
  // Only home was set: every other key is still at its default.
  std::istringstream lines(loaded.output);
  int from_file = 0;
  for (std::string line; std::getline(lines, line);) from_file += line.find("config file " + file) != std::string::npos;
  CHECK(from_file == 1);
}

TEST_CASE("a mistake in the config file is one line naming the file and the key") {
  const std::string file = write_file("typo.json", "{\"server\": {\"prot\": 1}}");
  const auto r = run_process({jiaohe_binary(), "--config", file, "config"});
  CHECK(r.exit_code == 2);
  CHECK(r.output == "jiaohe: config file " + file + ": unknown key \"server.prot\" (did you mean \"server.port\"?)\n");
}
