#pragma once
// A subcommand of `jiaohe`: its name, help text, flags and the function that runs it.
// Commands are data listed in one table (command_table.cpp); help and parsing are driven by it.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine { struct Config; }

namespace jiaohe::cli {

struct Flag {
  std::string name;        // without the leading dashes
  std::string value_name;  // empty: a boolean switch
  std::string help;
};

// Flags and positionals after parsing; `value`/`has` only accept flags the command declares.
class ParsedArgs {
 public:
  std::map<std::string, std::string> values;
  std::vector<std::string> switches;
  std::vector<std::string> positionals;

  bool has(std::string_view flag) const;
  std::optional<std::string> value(std::string_view flag) const;
};

struct Command;
using RunFn = int (*)(const Command&, const ParsedArgs&, const engine::Config&);

struct Command {
  std::string name;
  std::string summary;      // one line for `jiaohe --help`
  std::string synopsis;     // e.g. "[VALUE...]"
  std::string description;  // paragraphs for `jiaohe <cmd> --help`
  std::vector<Flag> flags;
  RunFn run;
};

// A mistake in how the command was called: printed as one usage_line(), exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The subcommands, and the options given before one (`jiaohe --config FILE scan`): the two
// tables that parsing, --help, the man page and the shell completion all read.
const std::vector<Command>& command_table();
const std::vector<Flag>& global_flags();
std::vector<std::string> command_names();
const Command* find_command(std::string_view name);
// "unknown command 'scna' (did you mean 'scan'?)"
std::string unknown_command(std::string_view name);

// "jiaohe scan: <mistake>; see 'jiaohe scan --help'" (`command` empty: the program's own).
std::string usage_line(const std::string& command, const std::string& mistake);

std::string command_help(const Command& cmd);
std::string program_help();
// `jiaohe` alone: the commands, one line each, and where to read more.
std::string command_list();
ParsedArgs parse_args(const Command& cmd, const std::vector<std::string>& args);

}  // namespace jiaohe::cli
