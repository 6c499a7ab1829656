#pragma once
// Jiaohe's configuration: built-in defaults, then one JSON file (comments allowed), then
// JIAOHE_* environment variables. Every key is listed once in config_keys(); that table drives
// validation, environment overrides, `jiaohe --help`, the man page, `jiaohe config` and the
// example file the package installs as /etc/jiaohe/config.json.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/config/install_layout.hpp"

namespace jiaohe::engine {

// Where the values of a loaded configuration came from (for `jiaohe config` and `version`).
struct ConfigSources {
  std::string file;                         // the config file read; empty when none
  std::map<std::string, std::string> keys;  // key path -> "config file F" / "environment variable V"
  std::string data_dir_default;             // what the default data_dir is, e.g. "the installed share folder"
  // Where `key` was set, or "default" (for data_dir: "default: <data_dir_default>").
  std::string origin(const std::string& key) const;
};

struct Config {
  std::string database_url;        // empty: the embedded cluster under `home`
  std::string home = ".jiaohe";    // embedded PostgreSQL, state files
  std::string data_dir;            // calendars, statutes, packs, demo data
  std::string server_host = "127.0.0.1";
  int server_port = 8080;
  std::int64_t server_body_limit = 64 * 1024;
  int server_threads = 32;  // handlers block on PostgreSQL; group commit batches what they wait on together
  // Group commit's lanes (engine/store/group_commit.hpp): fewer lanes make larger batches, each
  // written with one statement per table; more lanes overlap more commits.
  int server_commit_lanes = 2;
  std::string log_level = "info";
  std::string log_time_zone = "Asia/Shanghai";  // of log timestamps; engine/log/log_time.hpp
  // Webhooks of the notification outbox: recipient (agency code, "authority", "party") -> URL.
  // Empty: notifications stay queued and visible.
  std::map<std::string, std::string> notify_webhooks;
  std::string notify_secret;  // HMAC-SHA256 key of the signature header, for every recipient without its own
  std::map<std::string, std::string> notify_secrets;  // recipient -> its own key
  // The background jobs of `serve` (docs/SCHEDULE.md); each can be switched off.
  bool scan_schedule_enabled = true;
  std::string scan_schedule_cron = "0 2 * * *";  // Asia/Shanghai; checked when loaded
  std::chrono::weekday full_scan_weekday = std::chrono::Sunday;
  bool sweeper_enabled = true;
  bool delivery_enabled = true;

  ConfigSources sources;  // not a key: filled by load_config
};

// A configuration mistake; the message names the source (file or variable) and the key.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ConfigKey {
  std::string path;   // dotted JSON path, e.g. "server.port"
  std::string env;    // environment variable that overrides it
  std::string help;
  bool secret = false;  // shown masked by `jiaohe config`
  std::string example = {};  // JSON shown for the key in the example file instead of its default
};

const std::vector<ConfigKey>& config_keys();

// The value of key `path` in `config` as JSON (what the file would hold); throws
// std::out_of_range for an unknown key.
nlohmann::json config_value(const Config& config, const std::string& path);

// Loads defaults (data_dir from `layout`), then `file` when given (it must exist), then the
// environment. `environment` is passed in (not read from the process) so that tests control it.
Config load_config(const std::optional<std::filesystem::path>& file,
                   const std::map<std::string, std::string>& environment,
                   const InstallLayout& layout = this_process_layout());

// The process environment as a map, for load_config.
std::map<std::string, std::string> process_environment();

}  // namespace jiaohe::engine
