#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "engine/store/database.hpp"
#include "engine/store/migration.hpp"

namespace jiaohe::cli {
namespace {

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (!args.positionals.empty()) throw UsageError("migrate takes no arguments");
  const auto config = with_database_flag(base, args);
  engine::store::DatabaseLocation db(config);
  // A database that does not answer is an error after seconds, not after TCP gives up.
  const auto url = engine::store::with_connect_timeout(db.url(), 10);
  const auto migrations = engine::store::prepare_migrations(engine::store::embedded_migrations());
  if (args.has("status")) {
    // Asked before anything is printed: an unreachable database gives one error line, not half a line.
    const int version = engine::store::schema_version(url);
    std::cout << "schema version " << version << " (this binary knows "
              << (migrations.empty() ? 0 : migrations.back().version) << ")\n";
    return 0;
  }
  const auto report = engine::store::migrate(url, migrations);
  if (report.applied.empty()) {
    std::cout << "schema is up to date at version " << report.version_after << "\n";
  } else {
    for (const auto& name : report.applied) std::cout << "applied " << name << "\n";
    std::cout << "schema version " << report.version_before << " -> " << report.version_after << "\n";
  }
  return 0;
}

}  // namespace

Command migrate_command() {
  return {"migrate",
          "apply pending schema migrations",
          "",
          "Applies the SQL migrations compiled into this binary that the database lacks, each in\n"
          "its own transaction, recorded in schema_migrations with a checksum. Running it twice is\n"
          "a no-op. A changed, already-applied migration or a database newer than this binary is\n"
          "refused.",
          {database_url_flag(), {"status", "", "print the schema version and apply nothing"}},
          run};
}

}  // namespace jiaohe::cli
