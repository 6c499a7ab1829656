// jiaohe: one binary, subcommands listed in command_table.cpp.
// Manners: a usage mistake is one line naming it, with a did-you-mean and where to read more
// (exit 2); a failure is one line (exit 1), masked like the log; help goes to stdout.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/did_you_mean.hpp"
#include "engine/config/config.hpp"
#include "engine/log/log.hpp"
#include "engine/log/mask.hpp"

using namespace jiaohe;

namespace {

constexpr int kFailed = 1;
constexpr int kUsage = 2;

int usage_error(const std::string& command, const std::string& mistake) {
  std::cerr << cli::usage_line(command, mistake);
  return kUsage;
}

// One line: libpq's messages end in newlines and may hold several lines.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

struct GlobalOptions {
  std::optional<std::string> config_path;
  bool help = false;
  bool version = false;
};

// The options before the command; returns the index of the command word.
std::size_t parse_global_options(const std::vector<std::string>& args, GlobalOptions& out) {
  std::size_t i = 0;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
    } else if (arg == "--version" || arg == "-V") {
      out.version = true;
    } else if (arg == "--config") {
      if (i + 1 >= args.size() || args[i + 1].empty())
        throw cli::UsageError("option '--config' needs a value: --config FILE");
      out.config_path = args[++i];
    } else if (arg.rfind("--config=", 0) == 0) {
      if (arg.size() == 9) throw cli::UsageError("option '--config' needs a value: --config FILE");
      out.config_path = arg.substr(9);
    } else {
      std::vector<std::string> names;
      for (const auto& f : cli::global_flags()) names.push_back(f.name);
      const auto dashes = std::min(arg.find_first_not_of('-'), arg.size());
      const std::string name = arg.substr(dashes, arg.find('=', dashes) - dashes);
      std::string mistake = "unknown option '" + arg + "'";
      if (const auto near = cli::did_you_mean(name, names)) {
        mistake += " (did you mean '--" + *near + "'?)";
      } else {
        for (const auto& c : cli::command_table())
          if (std::any_of(c.flags.begin(), c.flags.end(), [&](const cli::Flag& f) { return f.name == name; })) {
            mistake += " (it is an option of a command, e.g. 'jiaohe " + c.name + " " + arg + "')";
            break;
          }
      }
      throw cli::UsageError(mistake);
    }
  }
  return i;
}

// --config FILE, else for an installed jiaohe its default file when it exists.
std::optional<std::filesystem::path> config_file(const GlobalOptions& options) {
  if (options.config_path) return std::filesystem::path(*options.config_path);
  const auto& fallback = engine::this_process_layout().default_config_file;
  std::error_code ec;
  if (!fallback.empty() && std::filesystem::exists(fallback, ec)) return fallback;
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  GlobalOptions global;
  std::size_t at = 0;
  try {
    at = parse_global_options(args, global);
  } catch (const cli::UsageError& e) {
    return usage_error("", e.what());
  }
  if (global.help) {
    std::cout << cli::program_help();
    return 0;
  }
  std::string name;
  std::vector<std::string> rest;
  if (global.version) {
    name = "version";
  } else if (at >= args.size()) {
    std::cerr << "jiaohe: no command given\n\n" << cli::command_list();
    return kUsage;
  } else {
    name = args[at];
    rest.assign(args.begin() + static_cast<long>(at) + 1, args.end());
  }
  const cli::Command* cmd = cli::find_command(name);
  if (!cmd) return usage_error("", cli::unknown_command(name));
  if (std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
      std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
    std::cout << cli::command_help(*cmd);
    return 0;
  }
  cli::ParsedArgs parsed;
  try {
    parsed = cli::parse_args(*cmd, rest);
  } catch (const cli::UsageError& e) {
    return usage_error(name, e.what());
  }
  engine::Config config;
  try {
    config = engine::load_config(config_file(global), engine::process_environment());
  } catch (const engine::ConfigError& e) {
    std::cerr << "jiaohe: " << engine::log::mask_identifiers(one_line(e.what())) << "\n";
    return kUsage;
  }
  engine::log::init(config.log_level, config.log_time_zone);
  try {
    return cmd->run(*cmd, parsed, config);
  } catch (const cli::UsageError& e) {
    return usage_error(name, e.what());
  } catch (const std::exception& e) {
    // Printed here and only here: the command's own code logs nothing about a failure it throws.
    std::cerr << "jiaohe " << name << ": " << engine::log::mask_identifiers(one_line(e.what())) << "\n";
    return kFailed;
  }
}
