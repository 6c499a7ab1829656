// The Debian package as an operator gets it: unpacked with dpkg-deb into a scratch root, its
// binary run with the data folder and config file it brings; its unit accepted by
// systemd-analyze; its man page and bash completion listing exactly the binary's commands.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::ProcessResult;
using jiaohe::engine::util::run_process;

namespace {

namespace fs = std::filesystem;

// The package unpacked once per test process (each test case is its own process).
const std::string& unpacked_root() {
  static const std::string root = [] {
    const std::string dir = jiaohe::testing::make_temp_dir("deb-root");
    const auto r = run_process({"dpkg-deb", "-x", JIAOHE_DEB, dir});
    REQUIRE_MESSAGE(r.exit_code == 0, r.output);
    return dir;
  }();
  return root;
}

ProcessResult unpacked_jiaohe(std::vector<std::string> args) {
  args.insert(args.begin(), unpacked_root() + "/usr/bin/jiaohe");
  return run_process(args);
}

std::string read_gzip(const std::string& path) { return run_process({"gzip", "-dc", path}).output; }

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Each match of group 1 of `pattern` in `text`.
std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The commands as `jiaohe --help` lists them (written from the command table).
std::vector<std::string> help_commands() {
  const std::string help = unpacked_jiaohe({"--help"}).output;
  const auto start = help.find("Commands:\n");
  const auto end = help.find("\n\n", start);
  REQUIRE(start != std::string::npos);
  return matches(help.substr(start, end - start), R"(\n  ([a-z-]+) )");
}

// A command's options as its --help lists them, --help included.
std::set<std::string> help_options(const std::string& command) {
  const std::string help = unpacked_jiaohe({command, "--help"}).output;
  const auto options = matches(help.substr(help.find("\nOptions:\n")), R"(\n  (--[a-z0-9-]+))");
  return {options.begin(), options.end()};
}

// What the completion offers after `line` (the words typed so far; the last is completed).
std::vector<std::string> complete(const std::string& line) {
  const std::string script = unpacked_root() + "/usr/share/bash-completion/completions/jiaohe";
  const std::string program = "source '" + script + "'; COMP_WORDS=(" + line +
                              "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                              "[[ \"" + line + "\" == *' ' ]] && { COMP_WORDS+=(''); COMP_CWORD=$((COMP_CWORD + 1)); }; "
                              "_jiaohe; printf '%s\\n' \"${COMPREPLY[@]}\"";
  return words(run_process({"bash", "-c", program}).output);
}

}  // namespace

TEST_CASE("the package holds the binary, its data, the config, the unit, the man page and the completion") {
  const std::string& root = unpacked_root();
  for (const char* path : {"/usr/bin/jiaohe", "/usr/share/jiaohe/calendars/fixed-holidays.json",
                           "/usr/share/jiaohe/statutes/zhejiang-2022.json", "/usr/share/jiaohe/packs/baseline.json",
                           "/usr/share/jiaohe/demo/catalogue.json", "/etc/jiaohe/config.json",
                           "/lib/systemd/system/jiaohe.service", "/lib/systemd/system/jiaohe-worker@.service",
                           "/usr/share/man/man1/jiaohe.1.gz",
                           "/usr/share/bash-completion/completions/jiaohe"}) {
    CAPTURE(path);
    CHECK(fs::is_regular_file(root + path));
  }
  const auto control = run_process({"dpkg-deb", "-f", JIAOHE_DEB, "Package", "Version", "Depends"}).output;
  CHECK(control.find("Package: jiaohe\n") != std::string::npos);
  CHECK(control.find("libpqxx-6.4") != std::string::npos);  // read off the binary by dpkg-shlibdeps
  // The config is a conffile: dpkg keeps the operator's edits on upgrade.
  const std::string control_dir = jiaohe::testing::make_temp_dir("deb-control");
  REQUIRE(run_process({"dpkg-deb", "-e", JIAOHE_DEB, control_dir}).exit_code == 0);
  CHECK(read_file(control_dir + "/conffiles") == "/etc/jiaohe/config.json\n");
  for (const char* script : {"postinst", "prerm", "postrm"}) {
    CAPTURE(script);
    CHECK(run_process({"sh", "-n", control_dir + "/" + script}).exit_code == 0);
  }
}

TEST_CASE("the unpacked binary reports its version and uses the data folder and config it was installed with") {
  const auto version = unpacked_jiaohe({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.output.rfind("jiaohe ", 0) == 0);
  const std::string share = unpacked_root() + "/usr/share/jiaohe";
  CHECK(version.output.find("calendars: 2024, 2025, 2026 (" + share + "/calendars)") != std::string::npos);
  CHECK(version.output.find("data_dir: " + share + " (default: the installed share folder)\n") != std::string::npos);
  CHECK(version.output.find("config file: " + unpacked_root() + "/etc/jiaohe/config.json\n") != std::string::npos);

  // Deadline arithmetic from the installed calendars (National Day 2026: 1-8 October).
  const auto deadline = unpacked_jiaohe({"deadline", "--from", "2026-09-30T16:00:00+08:00", "--working-days", "5"});
  CHECK(deadline.exit_code == 0);
  CHECK(deadline.output == "2026-10-14T00:00:00+08:00\n");
  const auto procedure = unpacked_jiaohe({"deadline", "--from", "2026-09-30T08:00:00Z", "--procedure", "verify_dispute"});
  CHECK(procedure.exit_code == 0);
  CHECK(procedure.output.find("+08:00") != std::string::npos);
}

TEST_CASE("the packaged config file loads, sets the service's home and leaves the rest at the defaults") {
  const auto r = unpacked_jiaohe({"config"});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("home                     \"/var/lib/jiaohe\"") != std::string::npos);
  std::istringstream lines(r.output);
  int from_file = 0;
  for (std::string line; std::getline(lines, line);)
    from_file += line.find("config file " + unpacked_root() + "/etc/jiaohe/config.json") != std::string::npos;
  CHECK(from_file == 1);
  // Every key is in it, for the operator to find.
  const std::string text = read_file(unpacked_root() + "/etc/jiaohe/config.json");
  for (const char* key : {"\"url\"", "\"port\"", "\"time_zone\"", "\"webhooks\"", "\"full_weekday\"", "\"delivery\""})
    CHECK(text.find(key) != std::string::npos);
}

TEST_CASE("systemd-analyze verify accepts the service and the worker unit without a warning") {
  const std::string& root = unpacked_root();
  // verify resolves the unit's dependencies (sysinit.target...) inside --root: lend it this
  // machine's own units; it also checks that ExecStart's /usr/bin/jiaohe exists in the root.
  fs::create_directories(root + "/usr/lib/systemd");
  if (!fs::exists(root + "/usr/lib/systemd/system")) fs::create_directory_symlink("/lib/systemd/system", root + "/usr/lib/systemd/system");
  const std::vector<std::pair<std::string, std::string>> units = {{"jiaohe.service", "serve"},
                                                                  {"jiaohe-worker@.service", "worker"}};
  for (const auto& [file, command] : units) {
    CAPTURE(file);
    // A template is verified as one of its instances.
    const std::string name = file == "jiaohe-worker@.service" ? "jiaohe-worker@1.service" : file;
    const auto r = run_process({"systemd-analyze", "verify", "--man=no", "--root=" + root, name});
    CHECK_MESSAGE(r.exit_code == 0, r.output);
    CHECK(r.output == "");
    const std::string unit = read_file(root + "/lib/systemd/system/" + file);
    // The shared hardening is in each unit, without its placeholder or its file-only comments.
    for (const std::string& line : std::vector<std::string>{"User=jiaohe\n", "Restart=on-failure\n", "ProtectSystem=strict\n",
                                   "NoNewPrivileges=yes\n", "SystemCallFilter=@system-service\n",
                                   "StateDirectory=jiaohe\n",
                                   "ExecStart=/usr/bin/jiaohe --config /etc/jiaohe/config.json " + command + "\n"}) {
      CAPTURE(line);
      CHECK(unit.find(line) != std::string::npos);
    }
    CHECK(unit.find("@HARDENING@") == std::string::npos);
    CHECK(unit.find("#:") == std::string::npos);
    CHECK(unit.find("[Service]") < unit.find("ProtectSystem=strict"));
    CHECK(unit.find("ProtectSystem=strict") < unit.find("[Install]"));
  }
}

TEST_CASE("the man page and the completion list exactly the commands of the command table") {
  const auto commands = help_commands();
  REQUIRE(commands.size() >= 10);
  const std::string man = read_gzip(unpacked_root() + "/usr/share/man/man1/jiaohe.1.gz");
  const std::string man_text = std::regex_replace(man, std::regex(R"(\\-)"), "-");  // roff's \- is a hyphen
  CHECK(matches(man_text, R"(\n\.SS "([a-z-]+)[ "])") == commands);
  const std::string completion = read_file(unpacked_root() + "/usr/share/bash-completion/completions/jiaohe");
  CHECK(words(matches(completion, R"re(local commands="([^"]*)")re").at(0)) == commands);
  CHECK(matches(completion, R"(\n    ([a-z-]+)\)\n)") == commands);
  // Each command's options, as its --help lists them.
  for (const auto& command : commands) {
    CAPTURE(command);
    const auto at = completion.find("\n    " + command + ")\n");
    const auto options = matches(completion.substr(at), R"re(local options="([^"]*)")re").at(0);
    const auto listed = words(options);
    CHECK(std::set<std::string>(listed.begin(), listed.end()) == help_options(command));
  }
  // The man page renders without a complaint from groff.
  const std::string page = jiaohe::testing::make_temp_dir("man") + "/jiaohe.1";
  std::ofstream(page) << man;
  const auto groff = run_process({"groff", "-man", "-Tutf8", "-ww", "-z", page});
  CHECK(groff.exit_code == 0);
  CHECK(groff.output == "");
}

TEST_CASE("the completion completes commands, options, actions and files as a user types") {
  CHECK(complete("jiaohe s") == std::vector<std::string>{"serve", "scan", "sweep"});
  CHECK(complete("jiaohe scan --inc") == std::vector<std::string>{"--incremental"});
  CHECK(complete("jiaohe cluster st") == std::vector<std::string>{"start", "stop", "status"});
  CHECK(complete("jiaohe help dead") == std::vector<std::string>{"deadline"});
  CHECK(complete("jiaohe --config x.json ver") == std::vector<std::string>{"version"});
  CHECK(complete("jiaohe --ver") == std::vector<std::string>{"--version"});
  // After an option that takes a URL nothing is guessed; after a FILE option, file names.
  CHECK(complete("jiaohe migrate --database-url ").empty());
  const std::string dir = jiaohe::testing::make_temp_dir("complete");
  std::ofstream(dir + "/province.json") << "{}";
  CHECK(complete("jiaohe scan --catalogue " + dir + "/prov") == std::vector<std::string>{dir + "/province.json"});
}
