#pragma once
// Statements prepared by name on each pooled connection: parsed and planned once per connection
// instead of on every call. libpqxx 6.4 prepares a statement on its first use, so a typo would
// surface only when that path first runs; every named statement is therefore declared as a
// NamedStatement, which lists itself in named_statements(), and a test prepares them all.
// Internal to engine/store/ (it includes libpqxx).
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

namespace jiaohe::engine::store {

class NamedStatement {
 public:
  // Declared at namespace scope (static storage), so the list is complete before main().
  NamedStatement(std::string name, std::string sql);
  NamedStatement(const NamedStatement&) = delete;
  NamedStatement& operator=(const NamedStatement&) = delete;

  const std::string& name() const { return name_; }
  const std::string& sql() const { return sql_; }

 private:
  std::string name_, sql_;
};

// Every named statement of the store, in no particular order.
const std::vector<const NamedStatement*>& named_statements();

// Runs `statement` prepared on the transaction's connection. Only for hot statements whose best
// plan does not depend on their parameters (authentication, the filing's inserts); optional
// filters of list queries are not.
template <typename... Args>
pqxx::result exec_prepared_sql(pqxx::transaction_base& tx, const NamedStatement& statement, Args&&... args) {
  tx.conn().prepare(statement.name(), statement.sql());
  return tx.exec_prepared(statement.name(), std::forward<Args>(args)...);
}

}  // namespace jiaohe::engine::store
