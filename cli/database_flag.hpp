#pragma once
// `--database-url` on commands that touch the database: it overrides the configuration.
#include "cli/command.hpp"
#include "engine/config/config.hpp"

namespace jiaohe::cli {

inline Flag database_url_flag() {
  return {"database-url", "URL", "PostgreSQL URL (overrides database.url / JIAOHE_DATABASE_URL)"};
}

inline engine::Config with_database_flag(engine::Config config, const ParsedArgs& args) {
  if (auto url = args.value("database-url")) config.database_url = *url;
  return config;
}

}  // namespace jiaohe::cli
