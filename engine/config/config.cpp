#include "engine/config/config.hpp"

#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/calendar/cron_expression.hpp"
#include "engine/log/log_time.hpp"
#include "rules/text/suggest.hpp"

extern char** environ;

namespace jiaohe::engine {
namespace {

using json = nlohmann::json;
using Setter = std::function<void(Config&, const json&, const std::string& where)>;
using Getter = std::function<json(const Config&)>;

// How one key is read from JSON into Config and back.
struct Access {
  Setter set;
  Getter get;
};

[[noreturn]] void type_error(const std::string& where, const std::string& key, const std::string& expected,
                             const json& got) {
  throw ConfigError(where + ": key \"" + key + "\" must be " + expected + ", got " + got.dump());
}

template <class T>
Getter plain_getter(T Config::*field) {
  return [field](const Config& c) { return json(c.*field); };
}

Access string_key(std::string Config::*field, std::string key) {
  return {[field, key](Config& c, const json& v, const std::string& where) {
            if (!v.is_string()) type_error(where, key, "a string", v);
            c.*field = v.get<std::string>();
          },
          plain_getter(field)};
}

template <class Int>
Access int_key(Int Config::*field, std::string key, std::int64_t lo, std::int64_t hi) {
  return {[field, key, lo, hi](Config& c, const json& v, const std::string& where) {
            if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
              type_error(where, key, "an integer from " + std::to_string(lo) + " to " + std::to_string(hi), v);
            c.*field = static_cast<Int>(v.get<std::int64_t>());
          },
          plain_getter(field)};
}

Access string_map_key(std::map<std::string, std::string> Config::*field, std::string key) {
  return {[field, key](Config& c, const json& v, const std::string& where) {
            if (!v.is_object()) type_error(where, key, "an object of strings", v);
            std::map<std::string, std::string> out;
            for (const auto& [k, item] : v.items()) {
              if (!item.is_string()) type_error(where, key + "." + k, "a string", item);
              out[k] = item.get<std::string>();
            }
            c.*field = std::move(out);
          },
          plain_getter(field)};
}

Access bool_key(bool Config::*field, std::string key) {
  return {[field, key](Config& c, const json& v, const std::string& where) {
            if (!v.is_boolean()) type_error(where, key, "true or false", v);
            c.*field = v.get<bool>();
          },
          plain_getter(field)};
}

Access cron_key(std::string Config::*field, std::string key) {
  return {[field, key](Config& c, const json& v, const std::string& where) {
            if (!v.is_string()) type_error(where, key, "a cron expression string such as \"0 2 * * *\"", v);
            try {
              calendar::CronExpression::parse(v.get<std::string>());
            } catch (const calendar::CronError& e) {
              throw ConfigError(where + ": key \"" + key + "\": " + e.what());
            }
            c.*field = v.get<std::string>();
          },
          plain_getter(field)};
}

const std::vector<std::string>& weekday_names() {
  static const std::vector<std::string> names = {"sunday",   "monday", "tuesday", "wednesday",
                                                 "thursday", "friday", "saturday"};
  return names;
}

Access weekday_key(std::chrono::weekday Config::*field, std::string key) {
  return {[field, key](Config& c, const json& v, const std::string& where) {
            const auto& names = weekday_names();
            const auto it = v.is_string() ? std::find(names.begin(), names.end(), v.get<std::string>()) : names.end();
            if (it == names.end()) type_error(where, key, "a weekday in lower case, sunday to saturday", v);
            c.*field = std::chrono::weekday(static_cast<unsigned>(it - names.begin()));
          },
          [field](const Config& c) { return json(weekday_names()[(c.*field).c_encoding()]); }};
}

Access log_level_key() {
  return {[](Config& c, const json& v, const std::string& where) {
            static const std::vector<std::string> levels = {"trace", "debug", "info", "warn", "error", "off"};
            if (!v.is_string() || std::find(levels.begin(), levels.end(), v.get<std::string>()) == levels.end())
              type_error(where, "log.level", "one of trace, debug, info, warn, error, off", v);
            c.log_level = v.get<std::string>();
          },
          plain_getter(&Config::log_level)};
}

Access time_zone_key() {
  return {[](Config& c, const json& v, const std::string& where) {
            if (!v.is_string() || !log::parse_time_zone(v.get<std::string>()))
              type_error(where, "log.time_zone", "\"Asia/Shanghai\", \"UTC\" or a fixed offset such as \"+08:00\"", v);
            c.log_time_zone = v.get<std::string>();
          },
          plain_getter(&Config::log_time_zone)};
}

enum class EnvForm { kText, kInteger, kBoolean, kJson };

struct KeyDef {
  ConfigKey key;
  EnvForm env_form;
  Access access;
};

const std::vector<KeyDef>& key_defs() {
  static const std::vector<KeyDef> defs = {
      {{"database.url", "JIAOHE_DATABASE_URL",
        "PostgreSQL URL; empty (the default) starts the embedded cluster under home", true,
        R"("postgresql://jiaohe:PASSWORD@db.example/jiaohe")"},
       EnvForm::kText, string_key(&Config::database_url, "database.url")},
      {{"home", "JIAOHE_HOME", "folder for the embedded PostgreSQL and state (default .jiaohe)"},
       EnvForm::kText, string_key(&Config::home, "home")},
      {{"data_dir", "JIAOHE_DATA_DIR",
        "folder with calendars/, statutes/, packs/ (default: <prefix>/share/jiaohe when installed, the source "
        "tree's data/ when run from a build)",
        false, R"("/usr/share/jiaohe")"},
       EnvForm::kText, string_key(&Config::data_dir, "data_dir")},
      {{"server.host", "JIAOHE_SERVER_HOST", "address `serve` listens on (default 127.0.0.1)"},
       EnvForm::kText, string_key(&Config::server_host, "server.host")},
      {{"server.port", "JIAOHE_SERVER_PORT", "port `serve` listens on (default 8080; 0 picks a free one)"},
       EnvForm::kInteger, int_key(&Config::server_port, "server.port", 0, 65535)},
      {{"server.body_limit", "JIAOHE_SERVER_BODY_LIMIT", "largest request body in bytes (default 65536)"},
       EnvForm::kInteger, int_key(&Config::server_body_limit, "server.body_limit", 1, 64LL * 1024 * 1024)},
      {{"server.threads", "JIAOHE_SERVER_THREADS", "worker threads for request handling (default 32)"},
       EnvForm::kInteger, int_key(&Config::server_threads, "server.threads", 1, 256)},
      {{"server.commit_lanes", "JIAOHE_SERVER_COMMIT_LANES",
        "group-commit lanes: filings committed concurrently, each lane one batch at a time (default 2)"},
       EnvForm::kInteger, int_key(&Config::server_commit_lanes, "server.commit_lanes", 1, 64)},
      {{"log.level", "JIAOHE_LOG_LEVEL", "trace, debug, info, warn, error or off (default info)"},
       EnvForm::kText, log_level_key()},
      {{"log.time_zone", "JIAOHE_LOG_TIME_ZONE",
        "time zone of log timestamps: Asia/Shanghai (default, +08:00), UTC or a fixed offset such as +05:30"},
       EnvForm::kText, time_zone_key()},
      {{"notify.webhooks", "JIAOHE_NOTIFY_WEBHOOKS",
        "webhook URL per recipient (agency code, authority, party), as a JSON object; none: notifications stay queued",
        false, R"({"gaj": "https://gaj.example/jiaohe", "authority": "https://dsj.example/jiaohe"})"},
       EnvForm::kJson, string_map_key(&Config::notify_webhooks, "notify.webhooks")},
      {{"notify.secret", "JIAOHE_NOTIFY_SECRET", "HMAC-SHA256 key for the X-Jiaohe-Signature header of webhooks", true},
       EnvForm::kText, string_key(&Config::notify_secret, "notify.secret")},
      {{"notify.secrets", "JIAOHE_NOTIFY_SECRETS",
        "HMAC-SHA256 key per recipient, as a JSON object; a recipient without one uses notify.secret", true,
        R"({"gaj": "a-key-only-gaj-knows"})"},
       EnvForm::kJson, string_map_key(&Config::notify_secrets, "notify.secrets")},
      {{"jobs.scan.enabled", "JIAOHE_JOBS_SCAN_ENABLED", "`serve` runs the scheduled scan (default true)"},
       EnvForm::kBoolean, bool_key(&Config::scan_schedule_enabled, "jobs.scan.enabled")},
      {{"jobs.scan.cron", "JIAOHE_JOBS_SCAN_CRON",
        "when the scheduled scan runs: minute hour day-of-month month day-of-week in Asia/Shanghai (default \"0 2 * * *\")"},
       EnvForm::kText, cron_key(&Config::scan_schedule_cron, "jobs.scan.cron")},
      {{"jobs.scan.full_weekday", "JIAOHE_JOBS_SCAN_FULL_WEEKDAY",
        "weekday whose scheduled scan is full, the others incremental (default sunday)"},
       EnvForm::kText, weekday_key(&Config::full_scan_weekday, "jobs.scan.full_weekday")},
      {{"jobs.sweeper.enabled", "JIAOHE_JOBS_SWEEPER_ENABLED", "`serve` runs the deadline sweep every minute (default true)"},
       EnvForm::kBoolean, bool_key(&Config::sweeper_enabled, "jobs.sweeper.enabled")},
      {{"jobs.delivery.enabled", "JIAOHE_JOBS_DELIVERY_ENABLED",
        "`serve` delivers queued notifications to notify.webhooks (default true)"},
       EnvForm::kBoolean, bool_key(&Config::delivery_enabled, "jobs.delivery.enabled")},
  };
  return defs;
}

const KeyDef* find_key(const std::string& path) {
  auto def = std::find_if(key_defs().begin(), key_defs().end(), [&](const KeyDef& d) { return d.key.path == path; });
  return def == key_defs().end() ? nullptr : &*def;
}

// Walks a JSON object and applies every leaf, rejecting keys the table does not know.
void apply_object(Config& config, const json& object, const std::string& prefix, const std::string& where) {
  std::vector<std::string> known;
  for (const auto& d : key_defs()) known.push_back(d.key.path);
  for (const auto& [name, value] : object.items()) {
    const std::string path = prefix.empty() ? name : prefix + "." + name;
    if (const KeyDef* def = find_key(path)) {
      def->access.set(config, value, where);
      config.sources.keys[path] = where;
      continue;
    }
    const bool is_section = std::any_of(known.begin(), known.end(),
                                        [&](const std::string& k) { return k.rfind(path + ".", 0) == 0; });
    if (is_section) {
      if (!value.is_object()) type_error(where, path, "an object", value);
      apply_object(config, value, path, where);
      continue;
    }
    std::string msg = where + ": unknown key \"" + path + "\"";
    if (auto near = rules::text::nearest_name(path, known)) msg += " (did you mean \"" + *near + "\"?)";
    throw ConfigError(msg);
  }
}

}  // namespace

const std::vector<ConfigKey>& config_keys() {
  static const std::vector<ConfigKey> keys = [] {
    std::vector<ConfigKey> out;
    for (const auto& d : key_defs()) out.push_back(d.key);
    return out;
  }();
  return keys;
}

std::string ConfigSources::origin(const std::string& key) const {
  if (auto it = keys.find(key); it != keys.end()) return it->second;
  return key == "data_dir" && !data_dir_default.empty() ? "default: " + data_dir_default : "default";
}

json config_value(const Config& config, const std::string& path) {
  const KeyDef* def = find_key(path);
  if (!def) throw std::out_of_range("no configuration key " + path);
  return def->access.get(config);
}

Config load_config(const std::optional<std::filesystem::path>& file,
                   const std::map<std::string, std::string>& environment, const InstallLayout& layout) {
  Config config;
  config.data_dir = layout.data_dir.string();
  config.sources.data_dir_default = layout.describe();
  if (file) {
    config.sources.file = file->string();
    std::ifstream in(*file);
    if (!in) throw ConfigError("config file " + file->string() + ": cannot be read (does it exist?)");
    std::stringstream text;
    text << in.rdbuf();
    json doc;
    try {
      doc = json::parse(text.str(), nullptr, true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
      throw ConfigError("config file " + file->string() + ": malformed JSON at byte " +
                        std::to_string(e.byte) + ": " + e.what());
    }
    if (!doc.is_object()) throw ConfigError("config file " + file->string() + ": must be a JSON object");
    apply_object(config, doc, "", "config file " + file->string());
  }
  for (const auto& def : key_defs()) {
    auto it = environment.find(def.key.env);
    if (it == environment.end()) continue;
    json value = it->second;
    if (def.env_form == EnvForm::kJson) {
      try {
        value = json::parse(it->second);
      } catch (const json::parse_error& e) {
        throw ConfigError("environment variable " + def.key.env + ": malformed JSON: " + e.what());
      }
    } else if (def.env_form == EnvForm::kBoolean) {
      if (it->second != "true" && it->second != "false")
        type_error("environment variable " + def.key.env, def.key.path, "true or false", json(it->second));
      value = it->second == "true";
    } else if (def.env_form == EnvForm::kInteger) {
      try {
        std::size_t used = 0;
        long long n = std::stoll(it->second, &used);
        if (used != it->second.size()) throw std::invalid_argument("trailing");
        value = n;
      } catch (const std::exception&) {
        type_error("environment variable " + def.key.env, def.key.path, "an integer", json(it->second));
      }
    }
    def.access.set(config, value, "environment variable " + def.key.env);
    config.sources.keys[def.key.path] = "environment variable " + def.key.env;
  }
  return config;
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos && entry.rfind("JIAOHE_", 0) == 0) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

}  // namespace jiaohe::engine
