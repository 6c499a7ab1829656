// How the CLI answers mistakes: one line naming the mistake, a did-you-mean, where to read more,
// exit code 2; failures printed once on one line, exit code 1; help on stdout.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::ProcessResult;
using jiaohe::engine::util::run_process;

namespace {

ProcessResult run_jiaohe(std::vector<std::string> args) {
  args.insert(args.begin(), jiaohe::testing::jiaohe_binary());
  return run_process(args);
}

long lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// A database nobody listens on: connections are refused at once.
constexpr const char* kNowhere = "postgresql://jiaohe@127.0.0.1:1/none";

}  // namespace

TEST_CASE("a mistyped command is one line with a suggestion and where to read more") {
  const std::pair<std::string, std::string> typos[] = {
      {"scna", "scan"}, {"sweap", "sweep"}, {"gen", "generate"}, {"deadlnie", "deadline"}, {"validate", "validate-id"}};
  for (const auto& [typed, meant] : typos) {
    CAPTURE(typed);
    const auto r = run_jiaohe({typed});
    CHECK(r.exit_code == 2);
    CHECK(r.output == "jiaohe: unknown command '" + typed + "' (did you mean '" + meant + "'?); see 'jiaohe --help'\n");
  }
  const auto far = run_jiaohe({"frobnicate"});
  CHECK(far.exit_code == 2);
  CHECK(far.output == "jiaohe: unknown command 'frobnicate'; see 'jiaohe --help'\n");
  // A start shared by several commands is no guess.
  CHECK(run_jiaohe({"s"}).output == "jiaohe: unknown command 's'; see 'jiaohe --help'\n");
}

TEST_CASE("a usage mistake in a command is one line naming it, not the whole help") {
  const auto option = run_jiaohe({"scan", "--ful"});
  CHECK(option.exit_code == 2);
  CHECK(option.output == "jiaohe scan: unknown option '--ful' (did you mean '--full'?); see 'jiaohe scan --help'\n");
  const auto swapped = run_jiaohe({"scan", "--incremetnal"});
  CHECK(swapped.output.find("(did you mean '--incremental'?)") != std::string::npos);
  const auto dash = run_jiaohe({"scan", "-full"});
  CHECK(dash.output ==
        "jiaohe scan: unknown option '-full' (options are written --name) (did you mean '--full'?); "
        "see 'jiaohe scan --help'\n");
  const auto value = run_jiaohe({"serve", "--port"});
  CHECK(value.output == "jiaohe serve: option '--port' needs a value: --port PORT; see 'jiaohe serve --help'\n");
  // `--port --host x`: the next word is an option, not the port.
  CHECK(run_jiaohe({"serve", "--port", "--host", "x"}).output.find("option '--port' needs a value") != std::string::npos);
  const auto missing = run_jiaohe({"deadline", "--working-days", "5"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.output.rfind("jiaohe deadline: --from is required", 0) == 0);
  CHECK(missing.output.find("; see 'jiaohe deadline --help'\n") != std::string::npos);
  for (const auto* r : {&option, &swapped, &dash, &value, &missing}) {
    CHECK(lines(r->output) == 1);
    CHECK(r->output.find("Usage:") == std::string::npos);
  }
}

TEST_CASE("global options are read before the command, with messages of their own") {
  const auto bare = run_jiaohe({"--config"});
  CHECK(bare.exit_code == 2);
  CHECK(bare.output == "jiaohe: option '--config' needs a value: --config FILE; see 'jiaohe --help'\n");
  CHECK(run_jiaohe({"--config="}).output == bare.output);
  CHECK(run_jiaohe({"--confg", "x.json", "migrate"}).output ==
        "jiaohe: unknown option '--confg' (did you mean '--config'?); see 'jiaohe --help'\n");
  CHECK(run_jiaohe({"scan", "--config", "x.json"}).output ==
        "jiaohe scan: '--config' goes before the command: jiaohe --config FILE scan ...; see 'jiaohe scan --help'\n");
  CHECK(run_jiaohe({"--incremental", "scan"}).output ==
        "jiaohe: unknown option '--incremental' (it is an option of a command, e.g. 'jiaohe scan --incremental'); "
        "see 'jiaohe --help'\n");
}

TEST_CASE("help goes to stdout with exit code 0, the same text however it is asked for") {
  const auto help = run_jiaohe({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("Global options (before the command):") != std::string::npos);
  CHECK(run_jiaohe({"help"}).output == help.output);
  const auto scan = run_jiaohe({"scan", "--help"});
  CHECK(scan.exit_code == 0);
  CHECK(scan.output.rfind("Usage: jiaohe scan", 0) == 0);
  CHECK(run_jiaohe({"help", "scan"}).output == scan.output);
  CHECK(run_jiaohe({"scan", "-h"}).output == scan.output);
  CHECK(run_jiaohe({"help", "scna"}).output ==
        "jiaohe help: unknown command 'scna' (did you mean 'scan'?); see 'jiaohe help --help'\n");
  // No command at all: the list of commands (not an error line to scroll past), exit code 2.
  const auto none = run_jiaohe({});
  CHECK(none.exit_code == 2);
  CHECK(none.output.rfind("jiaohe: no command given\n", 0) == 0);
  CHECK(none.output.find("  validate-id   ") != std::string::npos);
}

TEST_CASE("a failure is printed once, on one line, with nothing half-printed before it") {
  const auto migrate = run_jiaohe({"migrate", "--database-url", kNowhere});
  CHECK(migrate.exit_code == 1);
  CHECK(lines(migrate.output) == 1);
  CHECK(migrate.output.rfind("jiaohe migrate: ", 0) == 0);
  CHECK(migrate.output.find("event=") == std::string::npos);  // not also as a log line
  const auto status = run_jiaohe({"migrate", "--status", "--database-url", kNowhere});
  CHECK(status.exit_code == 1);
  CHECK(lines(status.output) == 1);
  CHECK(status.output.rfind("jiaohe migrate: ", 0) == 0);
  CHECK(status.output.find("schema version") == std::string::npos);
}

TEST_CASE("a failure message is masked like the log: no identifier is printed whole") {
  // A config value is echoed in the error; the ID number in it must not be.
  const auto r = run_process({"/usr/bin/env", "JIAOHE_SERVER_PORT=11010519491231002X", jiaohe::testing::jiaohe_binary(),
                              "migrate", "--status"});
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("JIAOHE_SERVER_PORT") != std::string::npos);
  CHECK(r.output.find("11010519491231002X") == std::string::npos);
  CHECK(lines(r.output) == 1);
}
