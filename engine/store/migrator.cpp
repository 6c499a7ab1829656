#include <algorithm>
#include <map>
#include <regex>

#include <pqxx/pqxx>

#include "engine/log/log.hpp"
#include "engine/store/migration.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::engine::store {
namespace {

// Any constant works; it only has to be the same in every jiaohe process.
constexpr long long kMigrationLockKey = 0x6a69616f6865'01;

constexpr const char* kCreateTable = R"sql(
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  ))sql";
constexpr const char* kSelectApplied = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
constexpr const char* kInsertApplied = "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)";
constexpr const char* kMaxVersion =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr const char* kTableExists = "SELECT to_regclass('schema_migrations') IS NOT NULL";

struct Applied {
  std::string name;
  std::string checksum;
};

}  // namespace

std::vector<Migration> prepare_migrations(const std::vector<MigrationSource>& sources) {
  static const std::regex pattern(R"(V(\d{3,})__([a-z0-9_]+)\.sql)");
  std::vector<Migration> out;
  for (const auto& s : sources) {
    std::smatch m;
    if (!std::regex_match(s.filename, m, pattern))
      throw MigrationError("migration file " + s.filename +
                           ": name must look like V001__what_it_does.sql (lower-case, digits, underscores)");
    out.push_back({std::stoi(m[1]), s.filename, s.sql, util::sha256_hex(s.sql)});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].version == out[i - 1].version)
      throw MigrationError("migration files " + out[i - 1].name + " and " + out[i].name + " have the same version");
  return out;
}

MigrationReport migrate(const std::string& url, const std::vector<Migration>& migrations) {
  pqxx::connection conn(url);
  {
    pqxx::nontransaction tx(conn);
    tx.exec("SET client_min_messages = warning");
    tx.exec(kCreateTable);
    tx.exec_params("SELECT pg_advisory_lock($1)", kMigrationLockKey);
  }
  MigrationReport report;
  try {
    std::map<int, Applied> applied;
    {
      pqxx::nontransaction tx(conn);
      for (const auto& row : tx.exec(kSelectApplied))
        applied[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    }
    report.version_before = applied.empty() ? 0 : applied.rbegin()->first;
    const int known_max = migrations.empty() ? 0 : migrations.back().version;
    for (const auto& [version, record] : applied) {
      auto it = std::find_if(migrations.begin(), migrations.end(),
                             [v = version](const Migration& m) { return m.version == v; });
      if (it == migrations.end())
        throw MigrationError("the database has migration " + record.name + " (version " + std::to_string(version) +
                             ") that this binary does not know; it knows versions up to " +
                             std::to_string(known_max) + ". Run a newer jiaohe against this database.");
      if (it->checksum != record.checksum)
        throw MigrationError("migration " + it->name + " was changed after it was applied (checksum " +
                             record.checksum.substr(0, 12) + " in the database, " + it->checksum.substr(0, 12) +
                             " in this binary). Restore the original file and put the change in a new migration.");
    }
    for (const auto& m : migrations) {
      if (applied.count(m.version)) continue;
      try {
        pqxx::work tx(conn);
        tx.exec(m.sql);
        tx.exec_params(kInsertApplied, m.version, m.name, m.checksum);
        tx.commit();
      } catch (const pqxx::sql_error& e) {
        throw MigrationError("migration " + m.name + " failed and was rolled back: " + e.what());
      }
      log::info("migration.applied", {{"name", m.name}});
      report.applied.push_back(m.name);
    }
    report.version_after = std::max(report.version_before, known_max);
  } catch (...) {
    pqxx::nontransaction tx(conn);
    tx.exec_params("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
    throw;
  }
  pqxx::nontransaction tx(conn);
  tx.exec_params("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
  return report;
}

int schema_version(const std::string& url) {
  pqxx::connection conn(url);
  pqxx::nontransaction tx(conn);
  if (!tx.exec1(kTableExists)[0].as<bool>()) return 0;
  return tx.exec1(kMaxVersion)[0].as<int>();
}

}  // namespace jiaohe::engine::store
