#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include "engine/store/idempotency_store.hpp"
#include "engine/store/keyed_write.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using engine::store::IdempotencyKey;
using Outcome = engine::store::IdempotencyLookup::Outcome;

namespace {

const engine::Instant kNow = testing::local_time(2026, 11, 27, 8);

struct KeyStore {
  testing::TestDatabase db;
  engine::store::IdempotencyStore store{db.url()};
  std::int64_t token = [this] {
    engine::store::TokenSpec spec;
    spec.role = engine::auth::Role::kAuthority;
    return engine::store::TokenStore(db.url()).create(spec, kNow).id;
  }();
  IdempotencyKey key(const std::string& k, const std::string& fingerprint = "f") const { return {token, k, fingerprint}; }
};

const engine::store::StoredResponse kAnswer{201, "application/json", {{"Location", "/v1/disputes/7"}}, R"({"id": 7})"};

}  // namespace

TEST_CASE("a sealed key replays its status, headers and body; another fingerprint is a mismatch") {
  KeyStore s;
  CHECK(s.store.find(s.key("done"), kNow).outcome == Outcome::kNew);
  {
    engine::store::KeyedWrite write(s.db.url(), s.key("done"), kNow);
    write.seal(kAnswer);
  }
  const auto replay = s.store.find(s.key("done"), kNow);
  REQUIRE(replay.outcome == Outcome::kReplay);
  REQUIRE(replay.response);
  CHECK(replay.response->status == 201);
  CHECK(replay.response->content_type == "application/json");
  CHECK(replay.response->headers == std::vector<std::pair<std::string, std::string>>{{"Location", "/v1/disputes/7"}});
  CHECK(replay.response->body == R"({"id": 7})");
  CHECK(s.store.find(s.key("done", "other"), kNow).outcome == Outcome::kMismatch);
  // Sealing the same key again finds it taken.
  engine::store::KeyedWrite again(s.db.url(), s.key("done"), kNow);
  CHECK_THROWS_AS(again.seal(kAnswer), engine::store::KeyTaken);
  CHECK(again.key_taken());
}

TEST_CASE("a keyed write that is not sealed leaves neither its key nor its writes") {
  KeyStore s;
  s.db.query_value("CREATE TABLE scratch (v int)");
  {
    engine::store::KeyedWrite write(s.db.url(), s.key("lost"), kNow);
    write.transaction().exec0("INSERT INTO scratch VALUES (1)");
    // Uncommitted: others see neither the key nor the row.
    CHECK(s.store.find(s.key("lost"), kNow).outcome == Outcome::kNew);
    CHECK(s.db.query_value("SELECT count(*) FROM scratch") == "0");
  }  // the process "died" here: nothing was sealed
  CHECK(s.db.query_value("SELECT count(*) FROM idempotency_keys") == "0");
  CHECK(s.db.query_value("SELECT count(*) FROM scratch") == "0");

  engine::store::KeyedWrite retry(s.db.url(), s.key("lost"), kNow);
  retry.transaction().exec0("INSERT INTO scratch VALUES (2)");
  retry.seal(kAnswer);
  CHECK(s.db.query_value("SELECT string_agg(v::text, ',') FROM scratch") == "2");
  CHECK(s.store.find(s.key("lost"), kNow).outcome == Outcome::kReplay);
}

TEST_CASE("keys are forgotten after the retention period by the next look-up of any key") {
  KeyStore s;
  {
    engine::store::KeyedWrite write(s.db.url(), s.key("old"), kNow);
    write.seal(kAnswer);
  }
  const auto later = kNow + engine::store::kIdempotencyRetention + std::chrono::seconds(1);
  CHECK(s.store.find(s.key("another"), later).outcome == Outcome::kNew);
  CHECK(s.db.query_value("SELECT count(*) FROM idempotency_keys") == "0");
  CHECK(s.store.find(s.key("old"), later).outcome == Outcome::kNew);
}
