// `jiaohe completion bash`: the shell completion script, for shells without the packaged one
// (`source <(jiaohe completion bash)`).
#include <iostream>

#include "cli/bash_completion.hpp"
#include "cli/commands.hpp"

namespace jiaohe::cli {
namespace {

int run(const Command&, const ParsedArgs& args, const engine::Config&) {
  if (args.positionals.size() != 1 || args.positionals[0] != "bash")
    throw UsageError("completion needs the shell: bash (the only one supported)");
  std::cout << bash_completion();
  return 0;
}

}  // namespace

Command completion_command() {
  return {"completion",
          "print the shell completion script",
          "bash",
          "Prints the bash completion script for jiaohe: commands, their options, actions and file\n"
          "names. The package installs it already; elsewhere: source <(jiaohe completion bash).",
          {},
          run};
}

}  // namespace jiaohe::cli
