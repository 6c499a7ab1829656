#include "engine/store/database.hpp"

#include <pqxx/pqxx>

#include "engine/store/embedded_cluster.hpp"
#include "engine/store/migration.hpp"

namespace jiaohe::engine::store {

namespace {
constexpr const char* kEmbeddedDatabase = "jiaohe";
}

DatabaseLocation::DatabaseLocation(const Config& config) {
  if (!config.database_url.empty()) {
    url_ = config.database_url;
    return;
  }
  cluster_ = std::make_unique<EmbeddedCluster>(std::filesystem::path(config.home) / "postgres");
  cluster_->ensure_running(kEmbeddedDatabase);
  url_ = cluster_->url(kEmbeddedDatabase);
}

DatabaseLocation::~DatabaseLocation() = default;

void DatabaseLocation::keep_running() {
  if (cluster_) cluster_->keep_running();
}

void apply_migrations(const std::string& url) { migrate(url, prepare_migrations(embedded_migrations())); }

std::string with_connect_timeout(const std::string& url, int seconds) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  const bool is_uri = url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0;
  if (is_uri) return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=" + std::to_string(seconds);
  return url + " connect_timeout=" + std::to_string(seconds);
}

bool is_database_unavailable(const std::exception& e) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr || dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr)
    return true;
  // A server that is shutting down tells its clients so before it closes their sockets
  // (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now); whether libpq has
  // seen the close yet when the statement fails is a race, so both mean "not there".
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string state = sql->sqlstate();
    return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
  }
  return false;
}

DatabaseStatus probe_database(const std::string& url) {
  DatabaseStatus status;
  try {
    status.schema_version = schema_version(with_connect_timeout(url, 3));
    status.available = true;
  } catch (const std::exception& e) {
    status.error = e.what();
  }
  return status;
}

}  // namespace jiaohe::engine::store
