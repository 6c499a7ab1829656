#pragma once
// A fixed set of PostgreSQL connections shared by the request workers. A lease hands one out
// for the duration of a unit of work; a connection found broken is replaced on next use, so
// the server recovers by itself when the database comes back. Opaque: pqxx stays in store/.
#include <chrono>
#include <memory>
#include <string>

namespace jiaohe::engine::store {

class ConnectionPool {
 public:
  ConnectionPool(std::string url, std::size_t size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  const std::string& url() const { return url_; }

  struct Impl;
  // RAII: the connection goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(Lease&&) noexcept;
    ~Lease();
    void* native() const;  // pqxx::connection*, for store/ sources only
    void mark_broken();    // drop this connection instead of returning it

   private:
    friend class ConnectionPool;
    Lease(Impl* pool, std::size_t slot) : pool_(pool), slot_(slot) {}
    Impl* pool_;
    std::size_t slot_;
  };
  // Waits for a free connection (connecting it if needed). Throws Error(kUnavailable) when
  // the database cannot be reached.
  Lease acquire();

 private:
  std::string url_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jiaohe::engine::store
