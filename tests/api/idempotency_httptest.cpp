#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "api/idempotency.hpp"
#include "engine/store/idempotency_store.hpp"
#include "tests/api/workflow_server.hpp"
#include "tests/support/http_client.hpp"

using namespace jiaohe;
using engine::auth::Role;
using jiaohe::testing::http_request;
using nlohmann::json;

namespace {

struct IdempotentServer : testing::WorkflowServer {
  std::string citizen = token(Role::kCitizen, person);

  // POST /v1/disputes with an Idempotency-Key.
  testing::HttpResult post_with_key(const std::string& token, const std::string& key, const std::string& body) {
    auto sent = headers(token);
    sent["Idempotency-Key"] = key;
    return http_request(port, "POST", "/v1/disputes", body, sent);
  }
  std::string disputes() { return sql("SELECT count(*) FROM disputes"); }
};

}  // namespace

TEST_CASE("a retry with the same Idempotency-Key replays the first answer and files no second dispute") {
  IdempotentServer s;
  const auto body = s.filing(s.person).dump();
  auto first = s.post_with_key(s.citizen, "retry-1", body);
  REQUIRE(first.status == 201);
  CHECK(first.headers.count("idempotent-replayed") == 0);

  auto again = s.post_with_key(s.citizen, "retry-1", body);
  CHECK(again.status == 201);
  CHECK(again.headers["idempotent-replayed"] == "true");
  CHECK(again.headers["location"] == first.headers["location"]);
  CHECK(again.headers["content-type"] == "application/json");
  CHECK(again.body == first.body);
  CHECK(json::parse(again.body)["id"] == json::parse(first.body)["id"]);
  CHECK(s.disputes() == "1");

  // Without a key, the same request is a new one.
  CHECK(http_request(s.port, "POST", "/v1/disputes", body, s.headers(s.citizen)).status == 201);
  CHECK(s.disputes() == "2");
}

TEST_CASE("the same key with another body is answered 422 naming the header") {
  IdempotentServer s;
  auto body = s.filing(s.person);
  REQUIRE(s.post_with_key(s.citizen, "k", body.dump()).status == 201);
  body["description"] = "something else";
  auto r = s.post_with_key(s.citizen, "k", body.dump());
  CHECK(r.status == 422);
  CHECK(r.headers["content-type"] == "application/problem+json");
  CHECK(json::parse(r.body)["detail"].get<std::string>().find("Idempotency-Key") != std::string::npos);
  CHECK(json::parse(r.body)["errors"][0]["header"] == "Idempotency-Key");
  CHECK(s.disputes() == "1");
}

TEST_CASE("keys are scoped to the token that sent them") {
  IdempotentServer s;
  const auto body = s.filing(s.person).dump();
  auto mine = s.post_with_key(s.citizen, "shared-key", body);
  auto theirs = s.post_with_key(s.token(Role::kAuthority), "shared-key", body);
  REQUIRE(mine.status == 201);
  REQUIRE(theirs.status == 201);
  CHECK(theirs.headers.count("idempotent-replayed") == 0);
  CHECK(json::parse(mine.body)["id"] != json::parse(theirs.body)["id"]);
  // Even another token of the same citizen does not see the key.
  CHECK(s.post_with_key(s.token(Role::kCitizen, s.person), "shared-key", body).headers.count("idempotent-replayed") == 0);
  CHECK(s.disputes() == "3");
}

TEST_CASE("a retry while the first request still runs is answered 409") {
  IdempotentServer s;
  engine::store::TokenSpec spec;
  spec.role = Role::kCitizen;
  spec.subject_id = s.person;
  const auto holder = s.tokens.create(spec, s.clock.now());
  const auto body = s.filing(s.person).dump();
  api::Request running;
  running.method = "POST";
  running.target = "/v1/disputes";
  running.body = body;
  // The first request has claimed the key and not finished.
  engine::store::IdempotencyStore store(s.db.url());
  REQUIRE(store.claim(holder.id, "slow", api::request_fingerprint(running), s.clock.now()).outcome ==
          engine::store::IdempotencyClaim::Outcome::kClaimed);

  auto r = s.post_with_key(holder.token, "slow", body);
  CHECK(r.status == 409);
  CHECK(r.headers["retry-after"] == "1");
  CHECK(s.disputes() == "0");

  // A claim whose process died is given up after its lease.
  s.clock.advance(engine::store::kIdempotencyLease + std::chrono::seconds(1));
  CHECK(s.post_with_key(holder.token, "slow", body).status == 201);
  CHECK(s.disputes() == "1");
}

TEST_CASE("empty and oversized keys are answered 400") {
  IdempotentServer s;
  const auto body = s.filing(s.person).dump();
  CHECK(s.post_with_key(s.citizen, "", body).status == 400);
  auto too_long = s.post_with_key(s.citizen, std::string(api::kMaxIdempotencyKeyBytes + 1, 'k'), body);
  CHECK(too_long.status == 400);
  CHECK(json::parse(too_long.body)["detail"].get<std::string>().find("255 bytes") != std::string::npos);
  CHECK(s.disputes() == "0");
  CHECK(s.post_with_key(s.citizen, std::string(api::kMaxIdempotencyKeyBytes, 'k'), body).status == 201);
}

TEST_CASE("client errors are replayed and keys are forgotten after the retention period") {
  IdempotentServer s;
  auto invalid = s.filing(s.person);
  invalid.erase("description");
  CHECK(s.post_with_key(s.citizen, "k", invalid.dump()).status == 422);
  auto replayed = s.post_with_key(s.citizen, "k", invalid.dump());
  CHECK(replayed.status == 422);
  CHECK(replayed.headers["idempotent-replayed"] == "true");

  s.clock.advance(engine::store::kIdempotencyRetention + std::chrono::seconds(1));
  CHECK(s.post_with_key(s.citizen, "another", s.filing(s.person).dump()).status == 201);
  CHECK(s.sql("SELECT count(*) FROM idempotency_keys WHERE key = 'k'") == "0");  // purged by any claim
  CHECK(s.post_with_key(s.citizen, "k", s.filing(s.person).dump()).status == 201);
  CHECK(s.disputes() == "2");
}

TEST_CASE("a server error is not stored so that a retry runs the handler again") {
  testing::WorkflowServer fixture;
  std::atomic<int> calls{0};
  // A POST route that fails the first time it runs and then succeeds.
  api::Router flaky({{"POST", "/flaky", "fails once", 0,
                      [&calls](const api::Request&, api::AppContext&) {
                        if (calls++ == 0) throw std::runtime_error("the database went away");
                        api::Response r;
                        r.status = 201;
                        r.body = R"({"call": )" + std::to_string(calls.load()) + "}";
                        return r;
                      },
                      {Role::kCitizen}}});
  api::Server server({"127.0.0.1", 0}, flaky, fixture.context);
  const auto port = server.start();
  auto headers = fixture.headers(fixture.token(Role::kCitizen, fixture.person));
  headers["Idempotency-Key"] = "once";

  CHECK(http_request(port, "POST", "/flaky", "{}", headers).status == 500);
  auto second = http_request(port, "POST", "/flaky", "{}", headers);
  CHECK(second.status == 201);
  CHECK(second.headers.count("idempotent-replayed") == 0);
  auto third = http_request(port, "POST", "/flaky", "{}", headers);
  CHECK(third.status == 201);
  CHECK(third.headers["idempotent-replayed"] == "true");
  CHECK(third.body == second.body);
  CHECK(calls == 2);
}

TEST_CASE("a request whose commit is in doubt is neither replayed nor run again under its key") {
  testing::WorkflowServer fixture;
  std::atomic<int> calls{0};
  // A POST route whose connection breaks while committing.
  api::Router doubtful({{"POST", "/doubtful", "commit in doubt", 0,
                         [&calls](const api::Request&, api::AppContext&) -> api::Response {
                           ++calls;
                           throw pqxx::in_doubt_error("connection lost during COMMIT");
                         },
                         {Role::kCitizen}}});
  api::Server server({"127.0.0.1", 0}, doubtful, fixture.context);
  const auto port = server.start();
  auto headers = fixture.headers(fixture.token(Role::kCitizen, fixture.person));
  headers["Idempotency-Key"] = "maybe";

  CHECK(http_request(port, "POST", "/doubtful", "{}", headers).status == 503);
  auto retry = http_request(port, "POST", "/doubtful", "{}", headers);
  CHECK(retry.status == 409);
  CHECK(json::parse(retry.body)["detail"].get<std::string>().find("unknown") != std::string::npos);
  // Not even once a lost claim's lease is over: only the retention period frees the key.
  fixture.clock.advance(engine::store::kIdempotencyLease + std::chrono::seconds(1));
  CHECK(http_request(port, "POST", "/doubtful", "{}", headers).status == 409);
  CHECK(calls == 1);
  fixture.clock.advance(engine::store::kIdempotencyRetention);
  CHECK(http_request(port, "POST", "/doubtful", "{}", headers).status == 503);
  CHECK(calls == 2);
}
