#include <doctest/doctest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "engine/store/idempotency_store.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using engine::store::IdempotencyClaim;
using Outcome = engine::store::IdempotencyClaim::Outcome;

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
};

}  // namespace

TEST_CASE("of concurrent claims of one key exactly one wins and the others see it running") {
  KeyStore s;
  constexpr int kClaims = 8;
  std::vector<Outcome> outcomes(kClaims);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClaims; ++i)
    threads.emplace_back([&, i] { outcomes[static_cast<std::size_t>(i)] = s.store.claim(s.token, "k", "f", kNow).outcome; });
  for (auto& t : threads) t.join();
  CHECK(std::count(outcomes.begin(), outcomes.end(), Outcome::kClaimed) == 1);
  CHECK(std::count(outcomes.begin(), outcomes.end(), Outcome::kInProgress) == kClaims - 1);
}

TEST_CASE("a completed key replays its status headers and body and a released key can be claimed again") {
  KeyStore s;
  REQUIRE(s.store.claim(s.token, "done", "f", kNow).outcome == Outcome::kClaimed);
  s.store.complete(s.token, "done", {201, "application/json", {{"Location", "/v1/disputes/7"}}, R"({"id": 7})"}, kNow);
  const auto replay = s.store.claim(s.token, "done", "f", kNow);
  REQUIRE(replay.outcome == Outcome::kReplay);
  REQUIRE(replay.response);
  CHECK(replay.response->status == 201);
  CHECK(replay.response->content_type == "application/json");
  CHECK(replay.response->headers == std::vector<std::pair<std::string, std::string>>{{"Location", "/v1/disputes/7"}});
  CHECK(replay.response->body == R"({"id": 7})");
  CHECK(s.store.claim(s.token, "done", "other", kNow).outcome == Outcome::kMismatch);

  REQUIRE(s.store.claim(s.token, "failed", "f", kNow).outcome == Outcome::kClaimed);
  s.store.release(s.token, "failed");
  CHECK(s.store.claim(s.token, "failed", "f", kNow).outcome == Outcome::kClaimed);
  // Releasing never forgets a finished answer.
  s.store.release(s.token, "done");
  CHECK(s.store.claim(s.token, "done", "f", kNow).outcome == Outcome::kReplay);
}
