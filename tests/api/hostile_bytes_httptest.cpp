// Requests whose bytes are not text: none may stop the server; each gets a problem document
// that names the place, and the server answers the next request as before.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using jiaohe::testing::http_request;
using jiaohe::testing::raw_exchange;

namespace {

struct PlainServer {
  engine::SystemClock clock;
  api::AppContext context;
  api::Router router{api::make_routes()};
  api::Server server;
  unsigned short port;

  explicit PlainServer(std::string url)
      : context{std::move(url), &clock, {}},
        server(
            [] {
              api::ServerOptions o;
              o.port = 0;
              return o;
            }(),
            router, context),
        port(server.start()) {}
};

// The status line's code and the body of a raw exchange that ends with the server closing.
std::pair<int, std::string> status_and_body(const std::string& raw) {
  if (raw.rfind("HTTP/1.1 ", 0) != 0) return {0, raw};
  const auto body = raw.find("\r\n\r\n");
  return {std::stoi(raw.substr(9, 3)), body == std::string::npos ? "" : raw.substr(body + 4)};
}

}  // namespace

TEST_CASE("paths that decode to bytes that are not UTF-8 get 400, and the server lives on") {
  jiaohe::testing::TestDatabase db;
  PlainServer s(db.url());
  for (const std::string target : {"/%ff", "/%c0%af", "/%e4%b8", "/v1/%ff/x", "/v1/disputes/%ff", "/%00"}) {
    CAPTURE(target);
    auto r = http_request(s.port, "GET", target);
    CHECK(r.status == 400);
    CHECK(r.headers["content-type"] == "application/problem+json");
    const auto body = nlohmann::json::parse(r.body);
    CHECK(body["detail"].get<std::string>().find("the request path") != std::string::npos);
    CHECK(http_request(s.port, "GET", "/healthz").status == 200);
  }
}

TEST_CASE("a raw byte above 0x7f in the request target does not stop the server") {
  jiaohe::testing::TestDatabase db;
  PlainServer s(db.url());
  const auto [status, body] = status_and_body(raw_exchange(s.port, "GET /\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  // Beast may refuse the target itself (closing the connection) or hand it on (then 400).
  if (status != 0) {
    CHECK(status == 400);
    CHECK(nlohmann::json::parse(body, nullptr, false).is_object());
  }
  CHECK(http_request(s.port, "GET", "/healthz").status == 200);
}

TEST_CASE("query names and values and header values that are not text get 400 naming the place") {
  jiaohe::testing::TestDatabase db;
  PlainServer s(db.url());
  auto value = http_request(s.port, "GET", "/v1/tasks?status=open&assignee=%ff");
  CHECK(value.status == 400);
  CHECK(nlohmann::json::parse(value.body)["detail"].get<std::string>().find("value of query parameter 2") !=
        std::string::npos);
  auto name = http_request(s.port, "GET", "/v1/findings?%fe=1");
  CHECK(name.status == 400);
  CHECK(nlohmann::json::parse(name.body)["detail"].get<std::string>().find("name of query parameter 1") !=
        std::string::npos);
  auto header = http_request(s.port, "POST", "/v1/disputes", "{}", {{"Idempotency-Key", "\xff\xfe"}});
  CHECK(header.status == 400);
  CHECK(nlohmann::json::parse(header.body)["detail"].get<std::string>().find("header 'idempotency-key'") !=
        std::string::npos);
  CHECK(http_request(s.port, "GET", "/healthz").status == 200);
}

TEST_CASE("404 and 405 texts do not repeat the path, which may hold an identifier") {
  jiaohe::testing::TestDatabase db;
  PlainServer s(db.url());
  const std::string id = "11010519491231002X";
  auto missing = http_request(s.port, "GET", "/nope/" + id);
  CHECK(missing.status == 404);
  CHECK(missing.body.find(id) == std::string::npos);
  auto wrong = http_request(s.port, "DELETE", "/healthz");
  CHECK(wrong.status == 405);
  CHECK(wrong.body.find("GET") != std::string::npos);
}
