#pragma once
// The example configuration file: every key of config_keys() in its JSON place, each under a
// comment with its help and environment variable. Keys that `config` sets (from a file or the
// environment) are written; the others are commented out, so they keep their defaults and a
// later release's new defaults still apply. load_config() reads the result as it is.
// The package installs `JIAOHE_HOME=/var/lib/jiaohe jiaohe config --example` as
// /etc/jiaohe/config.json.
#include <string>

#include "engine/config/config.hpp"

namespace jiaohe::engine {

std::string example_config(const Config& config);

}  // namespace jiaohe::engine
