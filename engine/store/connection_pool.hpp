#pragma once
// Reused database connections, so that a request does not pay for a new PostgreSQL backend.
// Internal to engine/store/ (it includes libpqxx): every store method borrows a connection
// for the length of one call and gives it back. A connection that broke (the server went
// away) is dropped together with every idle one of its URL, so that after a restart the next
// caller connects afresh instead of finding a dead connection. An idle connection whose
// server has spoken or hung up while it waited (a shutdown notice) is not handed out, and a
// lease that ends by an exception closes its connection instead of returning it.
#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <pqxx/pqxx>

#include "engine/store/keyed_write.hpp"

namespace jiaohe::engine::store {

class PooledConnection {
 public:
  PooledConnection(std::string url, std::unique_ptr<pqxx::connection> connection);
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) noexcept = default;
  ~PooledConnection();

  pqxx::connection& operator*() { return *connection_; }
  pqxx::connection* operator->() { return connection_.get(); }

 private:
  std::string url_;
  std::unique_ptr<pqxx::connection> connection_;
  int exceptions_at_start_ = 0;  // std::uncaught_exceptions() when the lease began
};

// An idle connection to `url`, or a new one (pqxx::broken_connection when the server is not
// there).
PooledConnection connect(const std::string& url);

// How many idle connections per URL are kept (default 32); the rest are closed when returned.
void set_idle_connection_limit(std::size_t limit);

}  // namespace jiaohe::engine::store

namespace jiaohe::engine::store {

// `body(tx)` in a read-only transaction on a pooled connection; returns what it returns. A
// body that takes any transaction reads inside the current keyed write's transaction when
// there is one (engine/store/keyed_write.hpp), so that a request's answer sees its own writes.
template <typename Body>
auto read_only(const std::string& url, Body&& body) {
  if constexpr (std::is_invocable_v<Body&, pqxx::transaction_base&>) {
    if (auto* keyed = KeyedWrite::current(); keyed && keyed->has_transaction()) return body(keyed->transaction());
  }
  auto lease = connect(url);
  pqxx::read_transaction tx(*lease);
  return body(tx);
}

// `body(tx)` for a read of ONE statement, which is consistent on its own: no BEGIN and COMMIT
// around it, two round trips fewer on the hot paths (authentication, list endpoints).
template <typename Body>
auto read_statement(const std::string& url, Body&& body) {
  auto lease = connect(url);
  pqxx::nontransaction tx(*lease);
  return body(tx);
}

}  // namespace jiaohe::engine::store
