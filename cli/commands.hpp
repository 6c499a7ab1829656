#pragma once
// Factories of the subcommands, one per <name>_command.cpp.
#include "cli/command.hpp"

namespace jiaohe::cli {

Command serve_command();
Command migrate_command();
Command cluster_command();
Command scan_command();
Command sweep_command();
Command deadline_command();
Command validate_id_command();
Command generate_command();
Command token_command();
Command report_command();

}  // namespace jiaohe::cli
