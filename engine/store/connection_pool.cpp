
#include "engine/store/connection_pool.hpp"

#include <poll.h>

#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <vector>

namespace jiaohe::engine::store {
namespace {

struct Pool {
  std::mutex mutex;
  std::map<std::string, std::vector<std::unique_ptr<pqxx::connection>>> idle;
  std::atomic<std::size_t> limit{32};
};

// Process-wide on purpose: stores are cheap values constructed per call with a URL, and the
// pool must outlive all of them.
Pool& pool() {
  static Pool p;
  return p;
}

// An idle connection has nothing to read: the server speaks to an idle client only to say that
// it is going away (then closes), so a readable, hung-up or failed socket means a dead
// connection. One poll(2) without waiting, no round trip.
bool still_idle(pqxx::connection& c) {
  const int fd = c.sock();
  if (fd < 0) return false;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) == 0;
}

}  // namespace

PooledConnection::PooledConnection(std::string url, std::unique_ptr<pqxx::connection> connection)
    : url_(std::move(url)), connection_(std::move(connection)), exceptions_at_start_(std::uncaught_exceptions()) {}

PooledConnection::~PooledConnection() {
  if (!connection_) return;  // moved from
  auto& p = pool();
  std::lock_guard lock(p.mutex);
  auto& idle = p.idle[url_];
  if (!connection_->is_open()) {
    idle.clear();  // the server went away: its other idle connections are dead as well
    return;
  }
  // Ended by an exception: the connection may be broken without knowing it yet, or mid-way
  // through a COPY; a fresh one costs less than a failure handed to the next caller.
  if (std::uncaught_exceptions() > exceptions_at_start_) return;
  if (idle.size() < p.limit.load()) idle.push_back(std::move(connection_));
}

PooledConnection connect(const std::string& url) {
  auto& p = pool();
  {
    std::lock_guard lock(p.mutex);
    auto& idle = p.idle[url];
    while (!idle.empty()) {
      auto c = std::move(idle.back());
      idle.pop_back();
      if (still_idle(*c)) return PooledConnection(url, std::move(c));
    }
  }
  return PooledConnection(url, std::make_unique<pqxx::connection>(url));
}

void set_idle_connection_limit(std::size_t limit) { pool().limit = limit; }

}  // namespace jiaohe::engine::store
