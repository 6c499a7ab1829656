#include <doctest/doctest.h>

#include "engine/store/migration.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine::store;
using jiaohe::testing::TestDatabase;

namespace {

std::string error_of(const std::string& url, const std::vector<Migration>& migrations) {
  try {
    migrate(url, migrations);
  } catch (const MigrationError& e) {
    return e.what();
  }
  return "no error";
}

// A database of its own that starts empty (the template already holds the real schema).
struct EmptyDatabase {
  TestDatabase db;
  EmptyDatabase() { db.query_value("DROP SCHEMA public CASCADE; CREATE SCHEMA public"); }
};

const std::vector<MigrationSource> kSources = {
    {"V001__people.sql", "CREATE TABLE people (id int PRIMARY KEY)"},
    {"V002__pets.sql", "CREATE TABLE pets (id int PRIMARY KEY, owner int REFERENCES people)"},
};

}  // namespace

TEST_CASE("the test template holds every embedded migration") {
  TestDatabase db;
  const auto migrations = prepare_migrations(embedded_migrations());
  REQUIRE_FALSE(migrations.empty());
  CHECK(schema_version(db.url()) == migrations.back().version);
  CHECK(db.query_value("SELECT count(*) FROM schema_migrations") == std::to_string(migrations.size()));
}

TEST_CASE("migrations apply in order and a second run is a no-op") {
  EmptyDatabase e;
  auto report = migrate(e.db.url(), prepare_migrations(kSources));
  CHECK(report.version_before == 0);
  CHECK(report.version_after == 2);
  CHECK(report.applied == std::vector<std::string>{"V001__people.sql", "V002__pets.sql"});
  CHECK(e.db.query_value("SELECT to_regclass('pets') IS NOT NULL") == "t");
  auto again = migrate(e.db.url(), prepare_migrations(kSources));
  CHECK(again.applied.empty());
  CHECK(again.version_after == 2);
  CHECK(e.db.query_value("SELECT count(*) FROM schema_migrations") == "2");
}

TEST_CASE("a changed already-applied migration is refused and nothing is applied") {
  EmptyDatabase e;
  migrate(e.db.url(), prepare_migrations({kSources[0]}));
  auto tampered = kSources;
  tampered[0].sql += " -- edited";
  const std::string msg = error_of(e.db.url(), prepare_migrations(tampered));
  CHECK(msg.find("V001__people.sql was changed after it was applied") != std::string::npos);
  CHECK(e.db.query_value("SELECT to_regclass('pets') IS NULL") == "t");
}

TEST_CASE("a database newer than the binary is refused") {
  EmptyDatabase e;
  migrate(e.db.url(), prepare_migrations(kSources));
  const std::string msg = error_of(e.db.url(), prepare_migrations({kSources[0]}));
  CHECK(msg.find("V002__pets.sql") != std::string::npos);
  CHECK(msg.find("does not know") != std::string::npos);
}

TEST_CASE("a failing migration is rolled back whole and not recorded") {
  EmptyDatabase e;
  std::vector<MigrationSource> sources = {
      kSources[0], {"V002__broken.sql", "CREATE TABLE half (id int); SELECT no_such_function()"}};
  const std::string msg = error_of(e.db.url(), prepare_migrations(sources));
  CHECK(msg.find("V002__broken.sql failed and was rolled back") != std::string::npos);
  CHECK(e.db.query_value("SELECT to_regclass('half') IS NULL") == "t");
  CHECK(e.db.query_value("SELECT max(version) FROM schema_migrations") == "1");
}

TEST_CASE("badly named or duplicate migration files are rejected") {
  CHECK_THROWS_WITH_AS(prepare_migrations({{"001_people.sql", ""}}),
                       doctest::Contains("name must look like V001__"), MigrationError);
  CHECK_THROWS_WITH_AS(prepare_migrations({{"V001__a.sql", ""}, {"V001__b.sql", ""}}),
                       doctest::Contains("have the same version"), MigrationError);
}
