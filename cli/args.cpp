#include "cli/command.hpp"

#include <algorithm>

#include "rules/text/suggest.hpp"

namespace jiaohe::cli {

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
      if (!only_positionals && arg.size() > 1 && arg[0] == '-' && arg != "-")
        throw UsageError("unknown option '" + arg + "' (options are written --name)");
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
    auto flag = std::find_if(cmd.flags.begin(), cmd.flags.end(),
                             [&](const Flag& f) { return f.name == name; });
    if (flag == cmd.flags.end()) {
      std::vector<std::string> names;
      for (const auto& f : cmd.flags) names.push_back(f.name);
      std::string msg = "unknown option '--" + name + "' for '" + cmd.name + "'";
      if (auto near = rules::text::nearest_name(name, names)) msg += " (did you mean '--" + *near + "'?)";
      throw UsageError(msg);
    }
    if (flag->value_name.empty()) {
      if (inline_value) throw UsageError("option '--" + name + "' takes no value");
      out.switches.push_back(name);
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size())
        throw UsageError("option '--" + name + "' needs a value: --" + name + " " + flag->value_name);
      inline_value = args[++i];
    }
    out.values[name] = *inline_value;
  }
  return out;
}

}  // namespace jiaohe::cli
