#include "tests/support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <pqxx/pqxx>

#include "engine/store/embedded_cluster.hpp"

namespace jiaohe::testing {

std::string test_cluster_dir() { return JIAOHE_TEST_CLUSTER_DIR; }
std::string jiaohe_binary() { return JIAOHE_BIN; }
std::string source_dir() { return JIAOHE_SOURCE_DIR; }

std::string make_temp_dir(const std::string& label) {
  static std::atomic<int> counter{0};
  std::filesystem::path dir = std::filesystem::path(JIAOHE_TEST_TMP) /
                              (label + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

namespace {
std::string cluster_url(const std::string& database) {
  return engine::store::EmbeddedCluster(test_cluster_dir()).url(database);
}
}  // namespace

TestDatabase::TestDatabase() {
  static std::atomic<int> counter{0};
  name_ = "t_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  pqxx::connection admin(cluster_url("postgres"));
  pqxx::nontransaction tx(admin);
  tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_));
  tx.exec("CREATE DATABASE " + tx.quote_name(name_) + " TEMPLATE jiaohe_template");
  url_ = cluster_url(name_);
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection admin(cluster_url("postgres"));
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
  } catch (...) {
    // The cluster is thrown away after the run anyway.
  }
}

std::string TestDatabase::query_value(const std::string& sql) const {
  pqxx::connection conn(url_);
  pqxx::nontransaction tx(conn);
  auto r = tx.exec(sql);
  if (r.empty() || r[0].empty() || r[0][0].is_null()) return "";
  return r[0][0].c_str();
}

}  // namespace jiaohe::testing
