// `jiaohe version` (and `jiaohe --version`): what an operator needs to say which jiaohe runs
// where: the release and commit, the schema version it migrates to, the calendar years it
// knows, and which data folder and config file it uses (and why).
#include <iostream>
#include <sstream>

#include "cli/build_info.hpp"
#include "cli/commands.hpp"
#include "engine/calendar/calendar_loader.hpp"
#include "engine/config/config.hpp"
#include "engine/log/log.hpp"
#include "engine/store/migration.hpp"

namespace jiaohe::cli {
namespace {

std::string calendar_years(const std::string& dir) {
  try {
    const auto years = engine::calendar::load_calendar(dir).covered_years();
    if (years.empty()) return "none (no State Council notice in " + dir + ")";
    std::ostringstream out;
    for (std::size_t i = 0; i < years.size(); ++i) out << (i ? ", " : "") << years[i];
    out << " (" << dir << ")";
    return out.str();
  } catch (const std::exception& e) {
    return std::string("none: ") + e.what();
  }
}

int run(const Command&, const ParsedArgs& args, const engine::Config& config) {
  if (!args.positionals.empty()) throw UsageError("version takes no arguments");
  const auto migrations = engine::store::prepare_migrations(engine::store::embedded_migrations());
  const auto& info = build_info();
  std::cout << "jiaohe " << info.release << " (commit " << info.commit << ")\n"
            << "schema version: " << (migrations.empty() ? 0 : migrations.back().version) << "\n"
            << "calendars: " << calendar_years(config.data_dir + "/calendars") << "\n"
            << "data_dir: " << config.data_dir << " (" << config.sources.origin("data_dir") << ")\n"
            << "config file: " << (config.sources.file.empty() ? "none" : config.sources.file) << "\n";
  return 0;
}

}  // namespace

void log_start(const std::string& command, const engine::Config& config) {
  const auto& info = build_info();
  engine::log::info("jiaohe.start", {{"command", command},
                                     {"release", info.release},
                                     {"commit", info.commit},
                                     {"data_dir", config.data_dir},
                                     {"data_dir_from", config.sources.origin("data_dir")},
                                     {"config", config.sources.file.empty() ? "none" : config.sources.file}});
}

Command version_command() {
  return {"version",
          "print the release, commit, schema version, calendars and data folder",
          "",
          "Prints the release and the git commit this binary was built from, the schema version\n"
          "its migrations reach, the years the State Council holiday notices in its calendar\n"
          "folder cover, the data folder in use and why (the installed share folder, the source\n"
          "tree of a build, or data_dir set by the config file or JIAOHE_DATA_DIR), and the config\n"
          "file read. `jiaohe --version` prints the same.",
          {},
          run};
}

}  // namespace jiaohe::cli
