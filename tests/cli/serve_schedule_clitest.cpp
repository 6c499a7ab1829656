// `jiaohe serve` refuses a schedule it could not follow before it starts anything.
#include <doctest/doctest.h>

#include <fstream>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

TEST_CASE("an invalid scan cron stops serve with exit code 2 naming the key and the field") {
  const std::string path = jiaohe::testing::make_temp_dir("serve-cron") + "/jiaohe.json";
  std::ofstream(path) << R"({"jobs": {"scan": {"cron": "0 2 * * MON-FUN"}}})";
  auto r = run_process({jiaohe_binary(), "--config", path, "serve", "--port", "0"});
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("key \"jobs.scan.cron\": cron \"0 2 * * MON-FUN\": day-of-week: \"FUN\" is not a number") !=
        std::string::npos);
  CHECK(r.output.find("serving") == std::string::npos);
}
