#pragma once
// Holds a table lock in a transaction of its own until release(): keeps a scan in its read, or
// a filing before its insert, so a test can look at what happens meanwhile without sleeping.
#include <string>

#include <pqxx/pqxx>

namespace jiaohe::testing {

struct TableLock {
  pqxx::connection connection;
  pqxx::work tx{connection};
  // `table` and `mode` are the test's own constants, never input.
  TableLock(const std::string& url, const std::string& table, const std::string& mode = "ACCESS EXCLUSIVE")
      : connection(url) {
    tx.exec0("LOCK TABLE " + table + " IN " + mode + " MODE");
  }
  void release() { tx.commit(); }
};

}  // namespace jiaohe::testing
