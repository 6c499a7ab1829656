#include <doctest/doctest.h>

#include <atomic>
#include <functional>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "api/idempotency.hpp"
#include "api/problem.hpp"
#include "engine/error.hpp"
#include "engine/store/idempotency_store.hpp"
#include "engine/store/task_tx.hpp"
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
  std::string dispute_count() { return sql("SELECT count(*) FROM disputes"); }
  testing::HttpResult last;  // the retry's answer
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
  CHECK(s.dispute_count() == "1");

  // Without a key, the same request is a new one.
  CHECK(http_request(s.port, "POST", "/v1/disputes", body, s.headers(s.citizen)).status == 201);
  CHECK(s.dispute_count() == "2");
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
  CHECK(s.dispute_count() == "1");
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
  CHECK(s.dispute_count() == "3");
}

// The first request with the key holds it in a transaction that has not committed (as a
// request in flight does); `finish` ends that transaction while the retry waits for it.
void retry_while_running(IdempotentServer& s, const std::function<void(pqxx::work&, const engine::store::IdempotencyKey&)>& finish) {
  engine::store::TokenSpec spec;
  spec.role = Role::kCitizen;
  spec.subject_id = s.person;
  const auto holder = s.tokens.create(spec, s.clock.now());
  api::Request running;
  running.method = "POST";
  running.target = "/v1/disputes";
  running.body = s.filing(s.person).dump();
  const engine::store::IdempotencyKey key{holder.id, "slow", api::request_fingerprint(running)};
  pqxx::connection c(s.db.url());
  pqxx::work first(c);
  REQUIRE(engine::store::claim_key(first, key, s.clock.now()));

  auto retry = std::async(std::launch::async, [&] { return s.post_with_key(holder.token, "slow", running.body); });
  // The retry's claim of the key waits for the first request's transaction.
  pqxx::connection watcher(s.db.url());
  while (pqxx::nontransaction(watcher)
             .exec1("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%idempotency_keys%'")[0]
             .as<int>() == 0)
    std::this_thread::yield();
  finish(first, key);
  s.last = retry.get();
}

TEST_CASE("a retry while the first request still runs waits for it and then replays its answer") {
  IdempotentServer s;
  retry_while_running(s, [&](pqxx::work& first, const engine::store::IdempotencyKey& key) {
    engine::store::record_answer(first, key, {201, "application/json", {{"Location", "/v1/disputes/999"}}, R"({"id":999})"},
                                 s.clock.now());
    first.commit();
  });
  CHECK(s.last.status == 201);
  CHECK(s.last.headers["idempotent-replayed"] == "true");
  CHECK(s.last.headers["location"] == "/v1/disputes/999");
  CHECK(s.dispute_count() == "0");
}

TEST_CASE("a retry while the first request still runs files at once when the first one rolls back") {
  IdempotentServer s;
  retry_while_running(s, [](pqxx::work& first, const engine::store::IdempotencyKey&) { first.abort(); });
  CHECK(s.last.status == 201);
  CHECK(s.last.headers.count("idempotent-replayed") == 0);
  CHECK(s.dispute_count() == "1");
  CHECK(s.sql("SELECT response_headers->0->>1 FROM idempotency_keys WHERE key = 'slow'") == s.last.headers["location"]);
}

TEST_CASE("concurrent requests with one key file once and all answer with that filing") {
  IdempotentServer s;
  const auto body = s.filing(s.person).dump();
  constexpr int kRequests = 8;
  std::vector<testing::HttpResult> results(kRequests);
  std::vector<std::thread> clients;
  for (int i = 0; i < kRequests; ++i) clients.emplace_back([&, i] { results[i] = s.post_with_key(s.citizen, "once", body); });
  for (auto& c : clients) c.join();
  CHECK(s.dispute_count() == "1");
  int replayed = 0;
  for (const auto& r : results) {
    CHECK(r.status == 201);
    CHECK(r.body == results[0].body);
    replayed += r.headers.count("idempotent-replayed") ? 1 : 0;
  }
  CHECK(replayed == kRequests - 1);
}

TEST_CASE("empty and oversized keys are answered 400") {
  IdempotentServer s;
  const auto body = s.filing(s.person).dump();
  CHECK(s.post_with_key(s.citizen, "", body).status == 400);
  auto too_long = s.post_with_key(s.citizen, std::string(api::kMaxIdempotencyKeyBytes + 1, 'k'), body);
  CHECK(too_long.status == 400);
  CHECK(json::parse(too_long.body)["detail"].get<std::string>().find("255 bytes") != std::string::npos);
  CHECK(s.dispute_count() == "0");
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
  CHECK(s.sql("SELECT count(*) FROM idempotency_keys WHERE key = 'k'") == "0");  // purged by the look-up of any key
  CHECK(s.post_with_key(s.citizen, "k", s.filing(s.person).dump()).status == 201);
  CHECK(s.dispute_count() == "2");
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

TEST_CASE("a write that fails and is answered 4xx leaves only its key with that answer") {
  testing::WorkflowServer fixture;
  fixture.sql("CREATE TABLE scratch (v int)");
  std::atomic<int> calls{0};
  // A POST route that writes a row, then refuses the request from inside the same write.
  api::Router refusing({{"POST", "/refusing", "writes, then refuses", 0,
                         [&](const api::Request&, api::AppContext& ctx) -> api::Response {
                           ++calls;
                           try {
                             engine::store::in_task_tx(ctx.database_url, ctx.workflow, ctx.clock->now(),
                                                       [](engine::store::TaskTx& t) {
                                                         t.tx().exec0("INSERT INTO scratch VALUES (1)");
                                                         throw engine::Error(engine::ErrorCode::kInvalidInput, "no");
                                                       });
                           } catch (const engine::Error&) {
                             return api::problem(422, "Unprocessable", "refused");
                           }
                           return {};
                         },
                         {Role::kCitizen}}});
  api::Server server({"127.0.0.1", 0}, refusing, fixture.context);
  const auto port = server.start();
  auto headers = fixture.headers(fixture.token(Role::kCitizen, fixture.person));
  headers["Idempotency-Key"] = "refused";

  CHECK(http_request(port, "POST", "/refusing", "{}", headers).status == 422);
  auto retry = http_request(port, "POST", "/refusing", "{}", headers);
  CHECK(retry.status == 422);
  CHECK(retry.headers["idempotent-replayed"] == "true");
  CHECK(calls == 1);
  CHECK(fixture.sql("SELECT count(*) FROM scratch") == "0");
}

TEST_CASE("a keyed appeal commits with its key, answers with what it wrote and is replayed") {
  IdempotentServer s;
  const auto filed = s.file(s.person);
  s.disputes.answer(filed.task_id, "confirmed_accurate", "matches the birth certificate",
                    {"clerk wang", engine::tasks::ActorRole::kAgency, "civ"}, s.clock.now());
  auto headers = s.headers(s.citizen);
  headers["Idempotency-Key"] = "appeal-1";
  const auto target = "/v1/disputes/" + std::to_string(filed.dispute_id) + "/appeal";
  const auto body = json{{"reason", "I disagree"}}.dump();

  // The answer reads the dispute inside the appeal's own, not yet committed, transaction.
  auto first = http_request(s.port, "POST", target, body, headers);
  REQUIRE(first.status == 200);
  CHECK(json::parse(first.body)["status"] == "appealed");
  auto again = http_request(s.port, "POST", target, body, headers);
  CHECK(again.status == 200);
  CHECK(again.headers["idempotent-replayed"] == "true");
  CHECK(again.body == first.body);
  CHECK(s.sql("SELECT count(*) FROM tasks WHERE kind = 'review'") == "1");
}
