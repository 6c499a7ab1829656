#pragma once
// Factories of the subcommands, one per <name>_command.cpp.
#include "cli/command.hpp"

namespace jiaohe::cli {

Command serve_command();
Command migrate_command();
Command cluster_command();
Command scan_command();
Command worker_command();
Command sweep_command();
Command deadline_command();
Command validate_id_command();
Command generate_command();
Command token_command();
Command catalogue_command();
Command report_command();
Command config_command();
Command version_command();
Command help_command();
Command completion_command();

// For long-running commands' logs: event=jiaohe.start with the release, commit, data folder
// (and why it is that one) and config file (version_command.cpp).
void log_start(const std::string& command, const engine::Config& config);

}  // namespace jiaohe::cli
