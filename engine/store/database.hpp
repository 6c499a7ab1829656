#pragma once
// Where the database is, and whether it answers.
#include <exception>
#include <memory>
#include <string>

#include "engine/config/config.hpp"

namespace jiaohe::engine::store {

class EmbeddedCluster;

// The configured database URL, or else the embedded cluster under config.home (started if
// needed, and stopped again when this object goes away only if it started it).
class DatabaseLocation {
 public:
  explicit DatabaseLocation(const Config& config);
  ~DatabaseLocation();
  const std::string& url() const { return url_; }
  bool embedded() const { return cluster_ != nullptr; }
  // Leave an embedded cluster this object started running after it goes away.
  void keep_running();

 private:
  std::unique_ptr<EmbeddedCluster> cluster_;
  std::string url_;
};

struct DatabaseStatus {
  bool available = false;
  int schema_version = 0;
  std::string error;  // why it is unavailable (for logs, not for HTTP answers)
};

// Applies this binary's pending migrations (commands that need the schema call it first, so a
// fresh embedded cluster just works).
void apply_migrations(const std::string& url);

// One short connection: is the database there, and which schema version does it have.
DatabaseStatus probe_database(const std::string& url);

// Whether `e` says the database could not be reached or the connection was lost (the caller
// may retry later: HTTP 503), as opposed to a bug or bad input. An unknown commit outcome
// counts as unavailable: the answer must not claim the write happened.
bool is_database_unavailable(const std::exception& e);

// `url` with connect_timeout added, so a dead server fails fast instead of hanging.
std::string with_connect_timeout(const std::string& url, int seconds);

}  // namespace jiaohe::engine::store
