#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/store/embedded_cluster.hpp"
#include "engine/store/migration.hpp"
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

  explicit RunningServer(std::string url, api::ServerOptions options = {})
      : context{std::move(url), &clock}, server((options.port = 0, options), router, context), port(server.start()) {}
};

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
