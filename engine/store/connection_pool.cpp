#include "engine/store/connection_pool.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include <pqxx/pqxx>

#include "engine/error.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::engine::store {

struct ConnectionPool::Impl {
  std::string url;
  std::mutex mutex;
  std::condition_variable freed;
  std::vector<std::unique_ptr<pqxx::connection>> connections;
  std::vector<bool> busy;
};

ConnectionPool::ConnectionPool(std::string url, std::size_t size) : url_(std::move(url)), impl_(std::make_unique<Impl>()) {
  impl_->url = with_connect_timeout(url_, 3);
  impl_->connections.resize(size);
  impl_->busy.assign(size, false);
}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease ConnectionPool::acquire() {
  std::size_t slot = 0;
  {
    std::unique_lock lock(impl_->mutex);
    impl_->freed.wait(lock, [&] {
      for (slot = 0; slot < impl_->busy.size(); ++slot)
        if (!impl_->busy[slot]) return true;
      return false;
    });
    impl_->busy[slot] = true;
  }
  Lease lease(impl_.get(), slot);
  auto& conn = impl_->connections[slot];
  if (!conn || !conn->is_open()) {
    try {
      conn = std::make_unique<pqxx::connection>(impl_->url);
    } catch (const std::exception& e) {
      conn.reset();
      throw Error(ErrorCode::kUnavailable, "the database is unavailable; retry shortly");
    }
  }
  return lease;
}

ConnectionPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) { other.pool_ = nullptr; }

ConnectionPool::Lease::~Lease() {
  if (!pool_) return;
  {
    std::lock_guard lock(pool_->mutex);
    pool_->busy[slot_] = false;
  }
  pool_->freed.notify_one();
}

void* ConnectionPool::Lease::native() const { return pool_->connections[slot_].get(); }

void ConnectionPool::Lease::mark_broken() { pool_->connections[slot_].reset(); }

}  // namespace jiaohe::engine::store
