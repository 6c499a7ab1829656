#include <doctest/doctest.h>

#include <algorithm>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

TEST_CASE("generate refuses bad flag values with a precise usage error") {
  const auto negative = run_process({jiaohe_binary(), "generate", "--subjects", "-5"});
  CHECK(negative.exit_code == 2);
  CHECK(negative.output.find("--subjects must be a whole number of 0 or more, got '-5'") != std::string::npos);
  const auto rate = run_process({jiaohe_binary(), "generate", "--defect-rate", "1.5"});
  CHECK(rate.exit_code == 2);
  CHECK(rate.output.find("--defect-rate must be a number from 0 to 1, got '1.5'") != std::string::npos);
  const auto as_of = run_process({jiaohe_binary(), "generate", "--as-of", "tomorrow"});
  CHECK(as_of.exit_code == 2);
  CHECK(as_of.output.find("--as-of must be an instant") != std::string::npos);
}

TEST_CASE("generate fills the platform schema and prints a summary") {
  jiaohe::testing::TestDatabase db;
  const auto r = run_process({jiaohe_binary(), "generate", "--subjects", "500", "--defect-rate", "0.05", "--seed",
                              "3", "--as-of", "2026-03-01", "--database-url", db.url()});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("platform.gaj_hukou     500") != std::string::npos);
  CHECK(r.output.find("BL-STALE-002") != std::string::npos);
  CHECK(r.output.find("elapsed:") != std::string::npos);
  CHECK(db.query_value("SELECT count(*) FROM platform.gaj_hukou") == "500");
}

TEST_CASE("generate leaves a platform schema it did not make alone unless --force is given") {
  jiaohe::testing::TestDatabase db;
  db.query_value("CREATE SCHEMA platform; CREATE TABLE platform.real_register (id int); "
                 "INSERT INTO platform.real_register VALUES (7)");
  const std::vector<std::string> args = {jiaohe_binary(), "generate", "--subjects", "50", "--database-url", db.url()};
  const auto refused = run_process(args);
  CHECK(refused.exit_code == 1);
  CHECK(refused.output.find("already has a schema `platform` that jiaohe generate did not make") != std::string::npos);
  CHECK(refused.output.find("--force") != std::string::npos);
  CHECK(std::count(refused.output.begin(), refused.output.end(), '\n') == 1);
  CHECK(db.query_value("SELECT id FROM platform.real_register") == "7");  // untouched

  auto forced_args = args;
  forced_args.push_back("--force");
  CHECK(run_process(forced_args).exit_code == 0);
  CHECK(db.query_value("SELECT count(*) FROM platform.gaj_hukou") == "50");
  CHECK(db.query_value("SELECT to_regclass('platform.real_register') IS NULL") == "t");
  // Its own schema it replaces without asking.
  CHECK(run_process(args).exit_code == 0);
}
