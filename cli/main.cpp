// jiaohe: one binary, subcommands listed in command_table.cpp.
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "engine/config/config.hpp"
#include "engine/log/log.hpp"
#include "rules/text/suggest.hpp"

using namespace jiaohe;

namespace {

int usage_error(const std::string& message, const std::string& usage) {
  std::cerr << "jiaohe: " << message << "\n\n" << usage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::optional<std::string> config_path;
  // Global options come before the command: --config FILE, --help.
  std::size_t i = 0;
  for (; i < args.size() && args[i].rfind("-", 0) == 0; ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::cout << cli::program_help();
      return 0;
    }
    if (args[i] == "--config" && i + 1 < args.size()) {
      config_path = args[++i];
    } else if (args[i].rfind("--config=", 0) == 0) {
      config_path = args[i].substr(9);
    } else {
      return usage_error("unknown option '" + args[i] + "'", cli::program_help());
    }
  }
  if (i >= args.size()) return usage_error("no command given", cli::program_help());
  const std::string name = args[i];
  const auto& table = cli::command_table();
  auto cmd = std::find_if(table.begin(), table.end(), [&](const cli::Command& c) { return c.name == name; });
  if (cmd == table.end()) {
    std::vector<std::string> names;
    for (const auto& c : table) names.push_back(c.name);
    std::string msg = "unknown command '" + name + "'";
    if (auto near = rules::text::nearest_name(name, names)) msg += " (did you mean '" + *near + "'?)";
    return usage_error(msg, cli::program_help());
  }
  std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
    std::cout << cli::command_help(*cmd);
    return 0;
  }
  cli::ParsedArgs parsed;
  try {
    parsed = cli::parse_args(*cmd, rest);
  } catch (const cli::UsageError& e) {
    return usage_error(e.what(), cli::command_help(*cmd));
  }
  engine::Config config;
  try {
    config = engine::load_config(config_path, engine::process_environment());
  } catch (const engine::ConfigError& e) {
    std::cerr << "jiaohe: " << e.what() << "\n";
    return 2;
  }
  engine::log::init(config.log_level);
  try {
    return cmd->run(*cmd, parsed, config);
  } catch (const cli::UsageError& e) {
    return usage_error(e.what(), cli::command_help(*cmd));
  } catch (const std::exception& e) {
    engine::log::error("command.failed", {{"command", name}, {"error", e.what()}});
    std::cerr << "jiaohe " << name << ": " << e.what() << "\n";
    return 1;
  }
}
