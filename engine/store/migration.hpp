#pragma once
// Schema migrations: ordered SQL files `V<NNN>__<what>.sql`, each applied once in its own
// transaction and recorded with its SHA-256 in schema_migrations.
#include <stdexcept>
#include <string>
#include <vector>

namespace jiaohe::engine::store {

struct MigrationSource {
  std::string filename;  // V001__initial.sql
  std::string sql;
};

struct Migration {
  int version = 0;
  std::string name;      // the file name
  std::string sql;
  std::string checksum;  // hex SHA-256 of sql
};

// A migration cannot be applied or the database disagrees with the binary's migrations.
struct MigrationError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct MigrationReport {
  int version_before = 0;
  int version_after = 0;
  std::vector<std::string> applied;  // names, in order
};

// The migrations compiled into this binary (generated from migrations/ at build time).
const std::vector<MigrationSource>& embedded_migrations();

// Parses file names into versions, checks they are unique and well named, sorts them.
std::vector<Migration> prepare_migrations(const std::vector<MigrationSource>& sources);

// Applies the pending migrations to the database at `url`. Refuses a database that has a
// migration this binary does not know (newer database) or whose recorded checksum differs
// from the file's (a changed, already-applied file). Serialised by an advisory lock.
MigrationReport migrate(const std::string& url, const std::vector<Migration>& migrations);

// The highest applied version, 0 for an empty database.
int schema_version(const std::string& url);

}  // namespace jiaohe::engine::store
