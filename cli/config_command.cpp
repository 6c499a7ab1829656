// `jiaohe config`: the configuration in effect, key by key, with where each value comes from
// (secrets masked); `--example` prints a commented file of every key (engine/config/config_example).
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "engine/config/config.hpp"
#include "engine/config/config_example.hpp"

namespace jiaohe::cli {
namespace {

// A secret shows only whether it is set (a map of secrets: which keys are set); a URL keeps
// everything but its password.
std::string shown_value(const engine::ConfigKey& key, const nlohmann::json& value) {
  if (key.secret && value.is_object()) {
    nlohmann::json shown = nlohmann::json::object();
    for (const auto& [name, item] : value.items()) shown[name] = "(set, not shown)";
    return shown.dump();
  }
  if (!key.secret || !value.is_string() || value.get<std::string>().empty()) return value.dump();
  std::string text = value.get<std::string>();
  const auto scheme = text.find("://");
  const auto at = text.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return "\"(set, not shown)\"";
  const auto colon = text.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
  return nlohmann::json(text).dump();
}

int run(const Command&, const ParsedArgs& args, const engine::Config& config) {
  if (!args.positionals.empty()) throw UsageError("config takes no arguments");
  if (args.has("example")) {
    std::cout << engine::example_config(config);
    return 0;
  }
  std::cout << "config file: " << (config.sources.file.empty() ? "none" : config.sources.file) << "\n";
  for (const auto& key : engine::config_keys())
    std::cout << std::left << std::setw(24) << key.path << " "
              << std::setw(36) << shown_value(key, engine::config_value(config, key.path)) << " "
              << config.sources.origin(key.path) << "\n";
  return 0;
}

}  // namespace

Command config_command() {
  return {"config",
          "show the configuration in effect, or print an example file",
          "",
          "Loads the configuration as every command does (the --config file, or for an installed\n"
          "jiaohe /etc/jiaohe/config.json when it exists; then JIAOHE_* variables) and prints each\n"
          "key, its value and where it comes from; passwords and secrets are not shown. A mistake\n"
          "in the file stops it with the key named, so it also checks a file after editing.\n"
          "--example prints a configuration file of every key with its help, the keys set now\n"
          "written and the others commented out (the package's /etc/jiaohe/config.json is one).",
          {{"example", "", "print a commented configuration file of every key"}},
          run};
}

}  // namespace jiaohe::cli
