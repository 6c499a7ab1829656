#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(text.substr(start, nl - start));
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// Runs `jiaohe validate-id` with `input` on stdin through a shell (run_process has no stdin).
jiaohe::engine::util::ProcessResult run_with_stdin(const std::string& printf_format, const std::string& flags = "") {
  return run_process({"bash", "-c", "printf '" + printf_format + "' | '" + jiaohe_binary() + "' validate-id " + flags});
}

}  // namespace

TEST_CASE("validate-id checks arguments and exits 0 when all are valid") {
  const auto r = run_process({jiaohe_binary(), "validate-id", "11010519491231002x", "91110000600037341L"});
  CHECK(r.exit_code == 0);
  const auto lines = lines_of(r.output);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "11010519491231002x\tric\tvalid\t11010519491231002X");
  CHECK(lines[1] == "91110000600037341L\tuscc\tvalid\t91110000600037341L");
}

TEST_CASE("validate-id prints reason codes and exits 1 on an invalid value") {
  const auto r = run_process({jiaohe_binary(), "validate-id", "110105194912310021", "hello", "91110000600037341M",
                              "110105491231002"});
  CHECK(r.exit_code == 1);
  const auto lines = lines_of(r.output);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "110105194912310021\tric\tinvalid\tcheck_character");
  CHECK(lines[1] == "hello\tunknown\tinvalid\tshape");
  CHECK(lines[2] == "91110000600037341M\tuscc\tinvalid\tcheck_character");
  CHECK(lines[3] == "110105491231002\tric\tinvalid\tlegacy_form");
}

TEST_CASE("validate-id upgrades 15 digit numbers with the legacy flag") {
  const auto r = run_process({jiaohe_binary(), "validate-id", "--legacy-15", "110105491231002"});
  CHECK(r.exit_code == 0);
  CHECK(r.output == "110105491231002\tric\tvalid\t11010519491231002X\n");
}

TEST_CASE("validate-id reads one value per line from stdin") {
  const auto r = run_with_stdin("11010519491231002X\\n914403001922038216\\r\\n 91350100m000100y43 ");
  CHECK(r.exit_code == 0);
  const auto lines = lines_of(r.output);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "11010519491231002X\tric\tvalid\t11010519491231002X");
  CHECK(lines[1] == "914403001922038216\tuscc\tvalid\t914403001922038216");
  CHECK(lines[2] == " 91350100m000100y43 \tuscc\tvalid\t91350100M000100Y43");
}

TEST_CASE("validate-id on stdin exits 1 when any line is invalid") {
  const auto r = run_with_stdin("11010519491231002X\\n99010519491231002X\\n");
  CHECK(r.exit_code == 1);
  const auto lines = lines_of(r.output);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "99010519491231002X\tric\tinvalid\tregion");
}

TEST_CASE("validate-id rejects birth dates after today in Shanghai") {
  const auto r = run_process({jiaohe_binary(), "validate-id", "110105209912310029"});
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("\tinvalid\tbirth_date_future") != std::string::npos);
}
