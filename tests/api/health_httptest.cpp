#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/calendar/calendar_loader.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/store/embedded_cluster.hpp"
#include "engine/store/migration.hpp"
#include "engine/store/token_store.hpp"
#include "rules/ids/id_generator.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using jiaohe::testing::http_request;

namespace {

struct RunningServer {
  engine::SystemClock clock;
  api::AppContext context;
  api::Router router{api::make_routes()};
  api::Server server;
  unsigned short port;

  explicit RunningServer(std::string url, api::ServerOptions options = {}, engine::tasks::WorkflowSetup workflow = {})
      : context{std::move(url), &clock, workflow},
        server((options.port = 0, options), router, context),
        port(server.start()) {}
};

// A server with the workflow loaded and an authority's token, for filing disputes.
struct FilingServer {
  const engine::statute::StatuteProfile profile =
      engine::statute::load_statute_profile(jiaohe::testing::source_dir() + "/data/statutes/zhejiang-2022.json");
  const engine::calendar::WorkingCalendar calendar =
      engine::calendar::load_calendar(jiaohe::testing::source_dir() + "/data/calendars");
  RunningServer server;
  std::map<std::string, std::string> headers;

  explicit FilingServer(const std::string& url)
      : server(url, {}, engine::tasks::WorkflowSetup{&profile, &calendar, nullptr, {}}) {
    engine::store::TokenSpec spec;
    spec.role = engine::auth::Role::kAuthority;
    headers = {{"Authorization", "Bearer " + engine::store::TokenStore(url).create(spec, engine::SystemClock().now()).token},
               {"Content-Type", "application/json"}};
  }
  jiaohe::testing::HttpResult request(const std::string& method, const std::string& path, const std::string& body = "") {
    return http_request(server.port, method, path, body, headers);
  }
};

// A dispute with gaj about the person born on `birth` (serial `serial`).
std::string dispute_body(std::chrono::year_month_day birth, int serial, const std::string& description) {
  return nlohmann::json{{"subject_id", rules::ids::make_citizen_id("330106", birth, serial)},
                        {"agency_code", "gaj"},
                        {"description", description}}
      .dump();
}

}  // namespace

TEST_CASE("healthz reports ok with the schema version") {
  jiaohe::testing::TestDatabase db;
  RunningServer s(db.url());
  auto r = http_request(s.port, "GET", "/healthz");
  CHECK(r.status == 200);
  auto body = nlohmann::json::parse(r.body);
  CHECK(body["status"] == "ok");
  CHECK(body["database"] == "ok");
  CHECK(body["schema_version"] ==
        engine::store::prepare_migrations(engine::store::embedded_migrations()).back().version);
}

TEST_CASE("healthz answers 503 while the database is down and recovers when it returns") {
  // A cluster of this test's own, so stopping it disturbs no other test.
  engine::store::EmbeddedCluster cluster(jiaohe::testing::make_temp_dir("health-cluster"));
  cluster.ensure_running("jiaohe");
  engine::store::migrate(cluster.url("jiaohe"), engine::store::prepare_migrations(engine::store::embedded_migrations()));
  RunningServer s(cluster.url("jiaohe"));
  CHECK(http_request(s.port, "GET", "/healthz").status == 200);

  cluster.stop();
  auto down = http_request(s.port, "GET", "/healthz");
  CHECK(down.status == 503);
  CHECK(nlohmann::json::parse(down.body)["database"] == "unavailable");
  CHECK(down.headers.count("retry-after") == 1);

  cluster.ensure_running("jiaohe");
  auto up = http_request(s.port, "GET", "/healthz");
  CHECK(up.status == 200);
  CHECK(nlohmann::json::parse(up.body)["database"] == "ok");
  cluster.stop();
}

TEST_CASE("unknown routes answer 404 and wrong methods 405 as problem documents") {
  jiaohe::testing::TestDatabase db;
  RunningServer s(db.url());
  auto missing = http_request(s.port, "GET", "/nope");
  CHECK(missing.status == 404);
  CHECK(missing.headers["content-type"] == "application/problem+json");
  CHECK(nlohmann::json::parse(missing.body)["status"] == 404);
  auto wrong = http_request(s.port, "DELETE", "/healthz");
  CHECK(wrong.status == 405);
  CHECK(wrong.headers["allow"] == "GET");
}

TEST_CASE("an oversized body is answered 413 without reading it") {
  jiaohe::testing::TestDatabase db;
  api::ServerOptions options;
  options.body_limit = 1024;
  RunningServer s(db.url(), options);
  auto r = http_request(s.port, "POST", "/healthz", std::string(4096, 'x'));
  CHECK(r.status == 413);
  CHECK(nlohmann::json::parse(r.body)["detail"].get<std::string>().find("1024 bytes") != std::string::npos);
}

TEST_CASE("keep-alive serves pipelined requests in order on one connection") {
  jiaohe::testing::TestDatabase db;
  RunningServer s(db.url());
  const std::string one = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string last = "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string got = jiaohe::testing::raw_exchange(s.port, one + one + last);
  const auto first = got.find("HTTP/1.1 200");
  const auto second = got.find("HTTP/1.1 200", first + 1);
  const auto third = got.find("HTTP/1.1 404", second + 1);
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(third != std::string::npos);
}

TEST_CASE("a client that never finishes its headers is disconnected by the read timeout") {
  jiaohe::testing::TestDatabase db;
  api::ServerOptions options;
  options.read_timeout = std::chrono::milliseconds(200);
  RunningServer s(db.url(), options);
  // raw_exchange returns only when the server closes the connection.
  const std::string got = jiaohe::testing::raw_exchange(s.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n");
  CHECK(got.empty());
}

TEST_CASE("filing answers 503 while the database is down and succeeds again once it is back") {
  engine::store::EmbeddedCluster cluster(jiaohe::testing::make_temp_dir("filing-cluster"));
  cluster.ensure_running("jiaohe");
  const auto url = cluster.url("jiaohe");
  engine::store::migrate(url, engine::store::prepare_migrations(engine::store::embedded_migrations()));
  FilingServer s(url);
  using namespace std::chrono;
  const std::string body = dispute_body(year(1990) / March / 7, 11, "name misspelt");
  CHECK(s.request("POST", "/v1/disputes", body).status == 201);

  cluster.stop();
  const auto down = s.request("POST", "/v1/disputes", body);
  CHECK(down.status == 503);
  CHECK(down.headers.count("retry-after") == 1);
  CHECK(down.body.find("pqxx") == std::string::npos);

  cluster.ensure_running("jiaohe");
  // The pool dropped the connections that broke with the server: the first request after the
  // restart already gets a fresh one.
  CHECK(s.request("POST", "/v1/disputes", body).status == 201);
  {
    pqxx::connection c(url);
    pqxx::nontransaction tx(c);
    CHECK(tx.exec1("SELECT count(*) FROM disputes")[0].as<int>() == 2);  // the 503 wrote nothing
  }
  cluster.stop();
}

// The cause behind a restart's first request failing: connections that broke with the server
// waiting in the pool. Without a restart, and without any timing: every backend of the pool is
// terminated (as a restart or an administrator does), the test waits until PostgreSQL says
// they are gone, and the next requests, reads and a group-committed filing, must not meet one.
TEST_CASE("requests after the server ended every pooled connection get fresh ones") {
  jiaohe::testing::TestDatabase db;
  FilingServer s(db.url());
  using namespace std::chrono;
  const std::string body = dispute_body(year(1988) / May / 2, 21, "address out of date");
  // Fill the pool: filings (the lanes' connections) and lists (the readers').
  for (int i = 0; i < 4; ++i) {
    REQUIRE(s.request("POST", "/v1/disputes", body).status == 201);
    REQUIRE(s.request("GET", "/v1/disputes").status == 200);
  }

  pqxx::connection admin(db.url());
  pqxx::nontransaction tx(admin);
  const auto ended = tx.exec1(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")[0];
  REQUIRE(ended.as<int>() > 0);
  // Waiting for a state, not for a time: the terminated backends have left pg_stat_activity.
  while (tx.exec1("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")[0]
             .as<int>() > 0) {
  }

  CHECK(s.request("GET", "/v1/disputes").status == 200);
  CHECK(s.request("POST", "/v1/disputes", body).status == 201);
  CHECK(s.request("GET", "/v1/disputes").status == 200);
  CHECK(tx.exec1("SELECT count(*) FROM disputes")[0].as<int>() == 5);
}
