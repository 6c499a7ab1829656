// The one list of subcommands (each lives in its own <name>_command.cpp) and of global options.
#include <algorithm>

#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/did_you_mean.hpp"

namespace jiaohe::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = {
      serve_command(),
      migrate_command(),
      cluster_command(),
      scan_command(),
      worker_command(),
      sweep_command(),
      deadline_command(),
      validate_id_command(),
      generate_command(),
      token_command(),
      catalogue_command(),
      report_command(),
      config_command(),
      version_command(),
      help_command(),
      completion_command(),
  };
  return table;
}

const std::vector<Flag>& global_flags() {
  static const std::vector<Flag> flags = {
      {"config", "FILE",
       "configuration file (default for an installed jiaohe: /etc/jiaohe/config.json when it exists)"},
      {"version", "", "print the release, commit, schema version and calendars, like 'jiaohe version'"},
      {"help", "", "print this help, like 'jiaohe help'"},
  };
  return flags;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& c : command_table()) names.push_back(c.name);
  return names;
}

const Command* find_command(std::string_view name) {
  const auto& table = command_table();
  auto it = std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == name; });
  return it == table.end() ? nullptr : &*it;
}

std::string unknown_command(std::string_view name) {
  const auto near = did_you_mean(name, command_names());
  return "unknown command '" + std::string(name) + "'" + (near ? " (did you mean '" + *near + "'?)" : "");
}

}  // namespace jiaohe::cli
