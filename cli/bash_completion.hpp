#pragma once
// The bash completion script for jiaohe, written from the command table: command names after
// the global options, each command's options after it, the actions of commands whose synopsis
// lists them (cluster start|stop|status|url), and file or folder names after FILE and DIR
// options. The build installs it as share/bash-completion/completions/jiaohe
// (`jiaohe completion bash`).
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace jiaohe::cli {

// The words a synopsis offers as first argument: "start|stop|status|url" -> start, stop, status,
// url; "create --role ROLE [...] | list | revoke ID" -> create, list, revoke; "bash" -> bash;
// "[VALUE...]" -> none.
std::vector<std::string> synopsis_actions(const std::string& synopsis);

std::string bash_completion();

}  // namespace jiaohe::cli
