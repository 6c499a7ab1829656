#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine/config/config.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::Config;
using jiaohe::engine::ConfigError;
using jiaohe::engine::load_config;

namespace {

std::filesystem::path write_config(const std::string& text) {
  auto dir = std::filesystem::path(jiaohe::testing::make_temp_dir("config"));
  auto path = dir / "jiaohe.json";
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const std::optional<std::filesystem::path>& file, const std::map<std::string, std::string>& env) {
  try {
    load_config(file, env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("defaults apply when there is no file and no environment") {
  Config c = load_config(std::nullopt, {});
  CHECK(c.database_url.empty());
  CHECK(c.server_port == 8080);
  CHECK(c.server_body_limit == 65536);
  CHECK(c.log_level == "info");
}

TEST_CASE("the file sets values and the environment overrides them") {
  auto path = write_config(R"({"server": {"port": 9000, "host": "0.0.0.0"}, "database": {"url": "postgresql:///x"}})");
  Config c = load_config(path, {});
  CHECK(c.server_port == 9000);
  CHECK(c.server_host == "0.0.0.0");
  CHECK(c.database_url == "postgresql:///x");
  Config e = load_config(path, {{"JIAOHE_SERVER_PORT", "9100"}, {"JIAOHE_DATABASE_URL", "postgresql:///y"}});
  CHECK(e.server_port == 9100);
  CHECK(e.database_url == "postgresql:///y");
}

TEST_CASE("an unknown key is named with a suggestion") {
  auto path = write_config(R"({"server": {"prot": 9000}})");
  const std::string msg = error_of(path, {});
  CHECK(msg.find(path.string()) != std::string::npos);
  CHECK(msg.find("unknown key \"server.prot\"") != std::string::npos);
  CHECK(msg.find("did you mean \"server.port\"") != std::string::npos);
}

TEST_CASE("a wrong type names the key and what was expected") {
  auto path = write_config(R"({"server": {"port": "eighty"}})");
  const std::string msg = error_of(path, {});
  CHECK(msg.find("\"server.port\" must be an integer from 0 to 65535") != std::string::npos);
  CHECK(msg.find("\"eighty\"") != std::string::npos);
  CHECK(error_of(write_config(R"({"log": {"level": "loud"}})"), {}).find("\"log.level\" must be one of") !=
        std::string::npos);
  CHECK(error_of(write_config(R"({"server": 5})"), {}).find("\"server\" must be an object") != std::string::npos);
}

TEST_CASE("malformed JSON names the file and the byte") {
  auto path = write_config("{\"server\": {\"port\": 80,}}");
  const std::string msg = error_of(path, {});
  CHECK(msg.find(path.string()) != std::string::npos);
  CHECK(msg.find("malformed JSON at byte") != std::string::npos);
}

TEST_CASE("a bad environment value names the variable") {
  const std::string msg = error_of(std::nullopt, {{"JIAOHE_SERVER_PORT", "80x"}});
  CHECK(msg.find("environment variable JIAOHE_SERVER_PORT") != std::string::npos);
  CHECK(msg.find("\"server.port\"") != std::string::npos);
}

TEST_CASE("a missing config file is an error, not silently the defaults") {
  CHECK(error_of(std::filesystem::path("/nonexistent/jiaohe.json"), {}).find("cannot be read") != std::string::npos);
}

TEST_CASE("webhooks are an object of URLs from the file or JSON in the environment") {
  auto path = write_config(R"({"notify": {"webhooks": {"gaj": "http://127.0.0.1:9/hook"}, "secret": "s"}})");
  Config c = load_config(path, {});
  CHECK(c.notify_webhooks.at("gaj") == "http://127.0.0.1:9/hook");
  CHECK(c.notify_secret == "s");
  Config e = load_config(path, {{"JIAOHE_NOTIFY_WEBHOOKS", R"({"party": "http://127.0.0.1:9/party"})"}});
  CHECK(e.notify_webhooks.count("gaj") == 0);
  CHECK(e.notify_webhooks.at("party") == "http://127.0.0.1:9/party");
  CHECK(error_of(write_config(R"({"notify": {"webhooks": {"gaj": 5}}})"), {}).find("\"notify.webhooks.gaj\" must be a string") !=
        std::string::npos);
  CHECK(error_of(std::nullopt, {{"JIAOHE_NOTIFY_WEBHOOKS", "{nope"}}).find("JIAOHE_NOTIFY_WEBHOOKS: malformed JSON") !=
        std::string::npos);
}

TEST_CASE("the background jobs are on by default with the scan at 02:00 and full on Sundays") {
  Config c = load_config(std::nullopt, {});
  CHECK(c.scan_schedule_enabled);
  CHECK(c.scan_schedule_cron == "0 2 * * *");
  CHECK(c.full_scan_weekday == std::chrono::Sunday);
  CHECK(c.sweeper_enabled);
  CHECK(c.delivery_enabled);
}

TEST_CASE("each background job can be switched off and the scan rescheduled") {
  auto path = write_config(R"({"jobs": {"scan": {"enabled": false, "cron": "30 3 * * 1-5", "full_weekday": "saturday"},
                                        "sweeper": {"enabled": false}, "delivery": {"enabled": false}}})");
  Config c = load_config(path, {});
  CHECK_FALSE(c.scan_schedule_enabled);
  CHECK(c.scan_schedule_cron == "30 3 * * 1-5");
  CHECK(c.full_scan_weekday == std::chrono::Saturday);
  CHECK_FALSE(c.sweeper_enabled);
  CHECK_FALSE(c.delivery_enabled);
  Config e = load_config(path, {{"JIAOHE_JOBS_SCAN_ENABLED", "true"}, {"JIAOHE_JOBS_SWEEPER_ENABLED", "true"}});
  CHECK(e.scan_schedule_enabled);
  CHECK(e.sweeper_enabled);
  CHECK_FALSE(e.delivery_enabled);
}

TEST_CASE("an invalid cron expression names the key and the field") {
  const std::string msg = error_of(write_config(R"({"jobs": {"scan": {"cron": "0 24 * * *"}}})"), {});
  CHECK(msg.find("key \"jobs.scan.cron\"") != std::string::npos);
  CHECK(msg.find("hour: 24 is outside 0-23") != std::string::npos);
  const std::string env = error_of(std::nullopt, {{"JIAOHE_JOBS_SCAN_CRON", "0 2 * *"}});
  CHECK(env.find("environment variable JIAOHE_JOBS_SCAN_CRON") != std::string::npos);
  CHECK(env.find("expected 5 fields") != std::string::npos);
}

TEST_CASE("job switches and the weekday refuse other values") {
  CHECK(error_of(std::nullopt, {{"JIAOHE_JOBS_SCAN_ENABLED", "yes"}}).find("\"jobs.scan.enabled\" must be true or false") !=
        std::string::npos);
  CHECK(error_of(write_config(R"({"jobs": {"sweeper": {"enabled": 1}}})"), {})
            .find("\"jobs.sweeper.enabled\" must be true or false") != std::string::npos);
  CHECK(error_of(write_config(R"({"jobs": {"scan": {"full_weekday": "Sunday"}}})"), {})
            .find("\"jobs.scan.full_weekday\" must be a weekday in lower case") != std::string::npos);
  CHECK(error_of(write_config(R"({"jobs": {"scan": {"cron_expr": "0 2 * * *"}}})"), {})
            .find("did you mean \"jobs.scan.cron\"") != std::string::npos);
}

TEST_CASE("the config file may hold // and /* */ comments") {
  auto path = write_config("// the service\n{\n  \"server\": {\"port\": 9300}  /* was 8080 */\n  // \"home\": \"x\"\n}\n");
  Config c = load_config(path, {});
  CHECK(c.server_port == 9300);
  CHECK(c.home == ".jiaohe");
}

TEST_CASE("each value remembers where it came from, and data_dir's default says what it is") {
  auto path = write_config(R"({"server": {"port": 9000}})");
  jiaohe::engine::InstallLayout layout;
  layout.kind = jiaohe::engine::InstallLayout::Kind::kInstalled;
  layout.data_dir = "/usr/share/jiaohe";
  Config c = load_config(path, {{"JIAOHE_LOG_LEVEL", "debug"}}, layout);
  CHECK(c.sources.file == path.string());
  CHECK(c.sources.origin("server.port") == "config file " + path.string());
  CHECK(c.sources.origin("log.level") == "environment variable JIAOHE_LOG_LEVEL");
  CHECK(c.sources.origin("server.host") == "default");
  CHECK(c.data_dir == "/usr/share/jiaohe");
  CHECK(c.sources.origin("data_dir") == "default: the installed share folder");
  Config e = load_config(path, {{"JIAOHE_DATA_DIR", "/srv/data"}}, layout);
  CHECK(e.data_dir == "/srv/data");
  CHECK(e.sources.origin("data_dir") == "environment variable JIAOHE_DATA_DIR");
}

TEST_CASE("log timestamps default to Asia/Shanghai and another zone is a key checked when loaded") {
  CHECK(load_config(std::nullopt, {}).log_time_zone == "Asia/Shanghai");
  CHECK(load_config(write_config(R"({"log": {"time_zone": "UTC"}})"), {}).log_time_zone == "UTC");
  CHECK(load_config(std::nullopt, {{"JIAOHE_LOG_TIME_ZONE", "+05:30"}}).log_time_zone == "+05:30");
  CHECK(error_of(write_config(R"({"log": {"time_zone": "Europe/Paris"}})"), {})
            .find("\"log.time_zone\" must be \"Asia/Shanghai\", \"UTC\" or a fixed offset") != std::string::npos);
}
