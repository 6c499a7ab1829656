// `jiaohe help [COMMAND]`: the same text as --help, and with --man the jiaohe(1) page.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/man_page.hpp"

namespace jiaohe::cli {
namespace {

int run(const Command&, const ParsedArgs& args, const engine::Config&) {
  if (args.has("man")) {
    if (!args.positionals.empty()) throw UsageError("--man prints the whole manual; it takes no command");
    std::cout << man_page();
    return 0;
  }
  if (args.positionals.empty()) {
    std::cout << program_help();
    return 0;
  }
  if (args.positionals.size() > 1) throw UsageError("help takes one command, got " + std::to_string(args.positionals.size()));
  const std::string& name = args.positionals[0];
  const Command* cmd = find_command(name);
  if (!cmd) throw UsageError(unknown_command(name));
  std::cout << command_help(*cmd);
  return 0;
}

}  // namespace

Command help_command() {
  return {"help",
          "describe jiaohe or one of its commands",
          "[COMMAND]",
          "Prints what 'jiaohe --help' or 'jiaohe COMMAND --help' prints; with --man, the manual\n"
          "page jiaohe(1) in roff (the package installs it: man jiaohe).",
          {{"man", "", "print the manual page in roff"}},
          run};
}

}  // namespace jiaohe::cli
