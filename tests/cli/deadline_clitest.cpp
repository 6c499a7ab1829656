#include <doctest/doctest.h>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;

namespace {
jiaohe::engine::util::ProcessResult deadline(std::vector<std::string> args) {
  args.insert(args.begin(), {jiaohe::testing::jiaohe_binary(), "deadline"});
  return run_process(args);
}
}  // namespace

TEST_CASE("jiaohe deadline prints the end of the fifth working day after National Day") {
  const auto r = deadline({"--from", "2026-09-30T16:00:00+08:00", "--working-days", "5"});
  CHECK(r.exit_code == 0);
  CHECK(r.output == "2026-10-14T00:00:00+08:00\n");
  const auto utc = deadline({"--from", "2026-09-30T08:00:00Z", "--procedure", "verify_dispute", "--extended"});
  CHECK(utc.exit_code == 0);
  CHECK(utc.output == "2026-10-21T00:00:00+08:00\n");
}

TEST_CASE("jiaohe deadline marks a period reaching a year without a notice as provisional") {
  const auto r = deadline({"--from", "2026-12-30T10:00:00+08:00", "--working-days", "5"});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("2027-01-08T00:00:00+08:00\tprovisional\n") != std::string::npos);
}

TEST_CASE("jiaohe deadline rejects a malformed instant or limit with exit code 2") {
  auto r = deadline({"--from", "2026-09-30T16:00:00", "--working-days", "5"});
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("no UTC offset") != std::string::npos);
  r = deadline({"--from", "2026-09-30T16:00:00+08:00", "--working-days", "five"});
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--working-days expects a positive whole number") != std::string::npos);
}

TEST_CASE("jiaohe deadline --at says where a task with the deadline stands then, as the sweep sees it") {
  const std::vector<std::string> verify = {"--from", "2026-11-27T08:00:00+08:00", "--procedure", "verify_dispute"};
  auto with_at = [&](const char* at) {
    auto args = verify;
    args.insert(args.end(), {"--at", at});
    return deadline(args);
  };
  const auto early = with_at("2026-12-03");
  CHECK(early.exit_code == 0);
  CHECK(early.output ==
        "2026-12-05T00:00:00+08:00\n"
        "at 2026-12-03T00:00:00+08:00: not yet due; the reminder comes at 2026-12-04T00:00:00+08:00\n");
  CHECK(with_at("2026-12-04T09:00").output.find("at 2026-12-04T09:00:00+08:00: not yet due; the reminder is due") !=
        std::string::npos);
  CHECK(with_at("2026-12-05T00:00:00+08:00").output.find(": overdue") != std::string::npos);
  const auto bad = with_at("soon");
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("--at: 'soon'") != std::string::npos);
}
