#include <doctest/doctest.h>

#include <fstream>

#include "engine/config/config.hpp"
#include "engine/config/config_example.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::Config;
using jiaohe::engine::config_keys;
using jiaohe::engine::example_config;
using jiaohe::engine::load_config;

namespace {

std::filesystem::path write(const std::string& text) {
  const auto path = std::filesystem::path(jiaohe::testing::make_temp_dir("example")) / "config.json";
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("the example of the defaults names every key and its variable, and loads to the defaults") {
  const std::string text = example_config(load_config(std::nullopt, {}));
  for (const auto& key : config_keys()) {
    CAPTURE(key.path);
    const std::string leaf = key.path.substr(key.path.rfind('.') + 1);
    CHECK(text.find("// \"" + leaf + "\": ") != std::string::npos);  // commented out
    CHECK(text.find("[" + key.env + "]") != std::string::npos);
  }
  const Config loaded = load_config(write(text), {});
  CHECK(loaded.sources.keys.empty());  // nothing set: every key keeps its default
  CHECK(loaded.server_port == Config{}.server_port);
}

TEST_CASE("keys set by the environment or a file are written, and the example loads back to them") {
  const Config set = load_config(std::nullopt, {{"JIAOHE_HOME", "/var/lib/jiaohe"},
                                                {"JIAOHE_SERVER_PORT", "9443"},
                                                {"JIAOHE_NOTIFY_WEBHOOKS", R"({"gaj": "https://gaj.example/h"})"},
                                                {"JIAOHE_JOBS_SCAN_FULL_WEEKDAY", "saturday"}});
  const std::string text = example_config(set);
  CHECK(text.find("\n  \"home\": \"/var/lib/jiaohe\",\n") != std::string::npos);
  const Config loaded = load_config(write(text), {});
  CHECK(loaded.home == "/var/lib/jiaohe");
  CHECK(loaded.server_port == 9443);
  CHECK(loaded.notify_webhooks.at("gaj") == "https://gaj.example/h");
  CHECK(loaded.full_scan_weekday == std::chrono::Saturday);
  CHECK(loaded.sources.keys.size() == 4);
  // The last member of an object takes no comma (the JSON would not load otherwise).
  const Config last = load_config(std::nullopt, {{"JIAOHE_JOBS_DELIVERY_ENABLED", "false"}});
  CHECK_FALSE(load_config(write(example_config(last)), {}).delivery_enabled);
}
