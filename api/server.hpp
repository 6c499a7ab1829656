#pragma once
// The HTTP server: Beast on Asio. Sessions read (with header and body limits and timeouts),
// hand the request to a bounded worker pool (database work never runs on I/O threads) and
// write the answer. Beast stays inside server.cpp.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "api/app_context.hpp"
#include "api/router.hpp"

namespace jiaohe::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;                 // 0: any free port (see Server::port)
  std::size_t body_limit = 64 * 1024;         // default for routes that set none
  std::size_t header_limit = 16 * 1024;
  std::chrono::milliseconds read_timeout{10'000};   // to receive a whole request once it started
  std::chrono::milliseconds idle_timeout{60'000};   // keep-alive between requests
  int io_threads = 1;
  int worker_threads = 2;
  std::size_t queue_limit = 256;              // requests waiting for a worker before 503
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, AppContext& context);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads; returns the bound port.
  unsigned short start();
  unsigned short port() const;
  // Graceful: stop accepting, let in-flight requests finish and be answered, then return.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jiaohe::api
