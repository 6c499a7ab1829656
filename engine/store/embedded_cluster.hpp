#pragma once
// A private PostgreSQL cluster in a folder (the embedded mode under .jiaohe/, and the
// throwaway clusters of the test harness). Unix socket inside the folder, no TCP.
// PostgreSQL refuses to run as root, so when we are root the server runs as `postgres`.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace jiaohe::engine::store {

struct ClusterError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class EmbeddedCluster {
 public:
  // Describes the cluster in `dir`; does nothing yet.
  explicit EmbeddedCluster(std::filesystem::path dir);
  // Stops the server if, and only if, this object started it and keep_running() was not called.
  ~EmbeddedCluster();
  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;

  // Creates the cluster on first use (re-creating one that an interrupted run left half
  // made), starts it unless it runs already, and creates `database` if missing.
  void ensure_running(const std::string& database);
  bool is_running() const;
  void stop();            // stops the server (whoever started it)
  void keep_running();    // leave it running when this object goes away
  bool started_by_us() const { return started_; }

  // libpq URL of `database` on this cluster's socket.
  std::string url(const std::string& database) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  bool started_ = false;
};

}  // namespace jiaohe::engine::store
