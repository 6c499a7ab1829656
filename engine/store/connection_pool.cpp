
#include <atomic>

#include "engine/store/connection_pool.hpp"
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

}  // namespace

PooledConnection::PooledConnection(std::string url, std::unique_ptr<pqxx::connection> connection)
    : url_(std::move(url)), connection_(std::move(connection)) {}

PooledConnection::~PooledConnection() {
  if (!connection_) return;  // moved from
  auto& p = pool();
  std::lock_guard lock(p.mutex);
  auto& idle = p.idle[url_];
  if (!connection_->is_open()) {
    idle.clear();  // the server went away: its other idle connections are dead as well
    return;
  }
  if (idle.size() < p.limit.load()) idle.push_back(std::move(connection_));
}

PooledConnection connect(const std::string& url) {
  auto& p = pool();
  {
    std::lock_guard lock(p.mutex);
    auto& idle = p.idle[url];
    if (!idle.empty()) {
      auto c = std::move(idle.back());
      idle.pop_back();
      return PooledConnection(url, std::move(c));
    }
  }
  return PooledConnection(url, std::make_unique<pqxx::connection>(url));
}

void set_idle_connection_limit(std::size_t limit) { pool().limit = limit; }

}  // namespace jiaohe::engine::store
