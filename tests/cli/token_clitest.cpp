#include <doctest/doctest.h>

#include <string>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

TEST_CASE("token create prints the token once and list and revoke manage it") {
  jiaohe::testing::TestDatabase db;
  const auto created = run_process({jiaohe_binary(), "token", "create", "--role", "citizen", "--subject",
                                    "11010519491231002x", "--label", "party", "--database-url", db.url()});
  REQUIRE(created.exit_code == 0);
  CHECK(created.output.find("shown only now") != std::string::npos);
  CHECK(db.query_value("SELECT subject_id FROM api_tokens") == "11010519491231002X");
  const auto listed = run_process({jiaohe_binary(), "token", "list", "--database-url", db.url()});
  CHECK(listed.exit_code == 0);
  CHECK(listed.output.find("110105********002X") != std::string::npos);
  CHECK(listed.output.find("11010519491231002X") == std::string::npos);
  const auto id = db.query_value("SELECT id FROM api_tokens");
  CHECK(run_process({jiaohe_binary(), "token", "revoke", id, "--database-url", db.url()}).exit_code == 0);
  CHECK(db.query_value("SELECT count(*) FROM api_tokens WHERE revoked_at IS NOT NULL") == "1");
}

TEST_CASE("token create refuses an invalid citizen identifier with its reason and a missing role") {
  jiaohe::testing::TestDatabase db;
  const auto bad = run_process({jiaohe_binary(), "token", "create", "--role", "citizen", "--subject",
                                "110105194912310021", "--database-url", db.url()});
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("check_character") != std::string::npos);
  CHECK(bad.output.find("110105194912310021") == std::string::npos);
  CHECK(run_process({jiaohe_binary(), "token", "create", "--database-url", db.url()}).exit_code == 2);
  CHECK(db.query_value("SELECT count(*) FROM api_tokens") == "0");
}

TEST_CASE("token create refuses an agency the catalogue does not know, naming it and the known ones") {
  jiaohe::testing::TestDatabase db;
  const auto catalogue = jiaohe::testing::source_dir() + "/tests/data/scan/catalogue.json";
  const auto bad = run_process({jiaohe_binary(), "token", "create", "--role", "agency", "--agency", "nosuch",
                                "--catalogue", catalogue, "--database-url", db.url()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("'nosuch'") != std::string::npos);
  CHECK(bad.output.find(catalogue) != std::string::npos);
  CHECK(bad.output.find("its agencies: pol, civ") != std::string::npos);
  const auto typo = run_process({jiaohe_binary(), "token", "create", "--role", "agency", "--agency", "cvi",
                                 "--catalogue", catalogue, "--database-url", db.url()});
  CHECK(typo.output.find("did you mean 'civ'") != std::string::npos);
  CHECK(db.query_value("SELECT count(*) FROM api_tokens") == "0");
  // The shipped catalogue by default: its agencies are accepted.
  const auto good = run_process({jiaohe_binary(), "token", "create", "--role", "agency", "--agency", "mzt",
                                 "--database-url", db.url()});
  CHECK(good.exit_code == 0);
  CHECK(db.query_value("SELECT agency_code FROM api_tokens") == "mzt");
}
