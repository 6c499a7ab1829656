// The one list of subcommands; each lives in its own <name>_command.cpp.
#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace jiaohe::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = {
      serve_command(),
      migrate_command(),
      cluster_command(),
      scan_command(),
      sweep_command(),
      deadline_command(),
      validate_id_command(),
      generate_command(),
      token_command(),
      report_command(),
  };
  return table;
}

}  // namespace jiaohe::cli
