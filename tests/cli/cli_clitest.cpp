#include <doctest/doctest.h>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

TEST_CASE("jiaohe --help lists every command") {
  auto r = run_process({jiaohe_binary(), "--help"});
  CHECK(r.exit_code == 0);
  for (const char* cmd : {"serve", "migrate", "cluster"}) CHECK(r.output.find(cmd) != std::string::npos);
  CHECK(r.output.find("JIAOHE_DATABASE_URL") != std::string::npos);
}

TEST_CASE("a command's --help describes its options") {
  auto r = run_process({jiaohe_binary(), "migrate", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("--database-url URL") != std::string::npos);
}

// Usage mistakes (unknown commands and options): usage_clitest.cpp.

TEST_CASE("a broken config file stops the command with exit code 2 naming the key") {
  const std::string dir = jiaohe::testing::make_temp_dir("cli-config");
  const std::string path = dir + "/bad.json";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("{\"log\": {\"levle\": \"debug\"}}", f);
  std::fclose(f);
  auto r = run_process({jiaohe_binary(), "--config", path, "migrate", "--status"});
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("unknown key \"log.levle\" (did you mean \"log.level\"?)") != std::string::npos);
}

TEST_CASE("migrate against the test cluster reports the schema as up to date") {
  jiaohe::testing::TestDatabase db;
  auto r = run_process({jiaohe_binary(), "migrate", "--database-url", db.url()});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("schema is up to date") != std::string::npos);
}
