#include "cli/command.hpp"

#include <algorithm>

#include "cli/did_you_mean.hpp"

namespace jiaohe::cli {
namespace {

const Flag* find_flag(const std::vector<Flag>& flags, std::string_view name) {
  auto it = std::find_if(flags.begin(), flags.end(), [&](const Flag& f) { return f.name == name; });
  return it == flags.end() ? nullptr : &*it;
}

std::vector<std::string> flag_names(const Command& cmd) {
  std::vector<std::string> names;
  for (const auto& f : cmd.flags) names.push_back(f.name);
  names.push_back("help");
  return names;
}

std::string suggestion(const Command& cmd, std::string_view name) {
  const auto near = did_you_mean(name, flag_names(cmd));
  return near ? " (did you mean '--" + *near + "'?)" : "";
}

[[noreturn]] void unknown_option(const Command& cmd, const std::string& name) {
  if (const Flag* global = find_flag(global_flags(), name)) {
    throw UsageError("'--" + name + "' goes before the command: jiaohe --" + name +
                     (global->value_name.empty() ? "" : " " + global->value_name) + " " + cmd.name + " ...");
  }
  throw UsageError("unknown option '--" + name + "'" + suggestion(cmd, name));
}

}  // namespace

bool ParsedArgs::has(std::string_view flag) const {
  return values.count(std::string(flag)) > 0 ||
         std::find(switches.begin(), switches.end(), flag) != switches.end();
}

std::optional<std::string> ParsedArgs::value(std::string_view flag) const {
  auto it = values.find(std::string(flag));
  if (it == values.end()) return std::nullopt;
  return it->second;
}

ParsedArgs parse_args(const Command& cmd, const std::vector<std::string>& args) {
  ParsedArgs out;
  bool only_positionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positionals || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!only_positionals && arg.size() > 1 && arg[0] == '-' && arg != "-") {
        const std::string name = arg.substr(1);
        throw UsageError("unknown option '" + arg + "' (options are written --name)" +
                         (find_flag(cmd.flags, name) ? " (did you mean '--" + name + "'?)" : ""));
      }
      out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positionals = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const Flag* flag = find_flag(cmd.flags, name);
    if (!flag) unknown_option(cmd, name);
    if (flag->value_name.empty()) {
      if (inline_value) throw UsageError("option '--" + name + "' takes no value");
      out.switches.push_back(name);
      continue;
    }
    if (!inline_value) {
      // `--port --host x`: the next word is an option of this command, not the value.
      const bool next_is_flag = i + 1 < args.size() && args[i + 1].rfind("--", 0) == 0 &&
                                find_flag(cmd.flags, args[i + 1].substr(2, args[i + 1].find('=') - 2));
      if (i + 1 >= args.size() || next_is_flag)
        throw UsageError("option '--" + name + "' needs a value: --" + name + " " + flag->value_name);
      inline_value = args[++i];
    }
    out.values[name] = *inline_value;
  }
  return out;
}

}  // namespace jiaohe::cli
