// Every statement the store prepares by name, prepared against the migrated schema. libpqxx 6.4
// prepares a statement on its first use, so without this a typo or a renamed column would
// surface only when that path first runs in production.
#include <set>
#include <string>

#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include "engine/store/named_statement.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::store::named_statements;
using jiaohe::testing::TestDatabase;

TEST_CASE("every named statement of the store prepares against the migrated schema") {
  TestDatabase db;
  pqxx::connection c(db.url());
  const auto& statements = named_statements();
  REQUIRE(!statements.empty());
  std::set<std::string> names;
  for (const auto* s : statements) {
    CAPTURE(s->name());
    CHECK(names.insert(s->name()).second);  // one name, one statement: a connection keeps one per name
    c.prepare(s->name(), s->sql());
    CHECK_NOTHROW(c.prepare_now(s->name()));
  }
  // The statements of the hot paths the store declares (authentication, filing, the task rows).
  for (const char* name : {"jiaohe_authenticate", "jiaohe_insert_dispute", "jiaohe_insert_task", "jiaohe_insert_event"})
    CHECK_MESSAGE(names.count(name) == 1, name);
}

TEST_CASE("preparing finds a syntax error or an unknown column before the statement runs") {
  TestDatabase db;
  pqxx::connection c(db.url());
  c.prepare("jiaohe_test_unknown_column", "SELECT no_such_column FROM tasks WHERE id = $1");
  CHECK_THROWS_AS(c.prepare_now("jiaohe_test_unknown_column"), pqxx::sql_error);
  c.prepare("jiaohe_test_syntax", "SELEC id FROM tasks WHERE id = $1");
  CHECK_THROWS_AS(c.prepare_now("jiaohe_test_syntax"), pqxx::sql_error);
}
