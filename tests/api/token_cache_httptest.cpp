// The token cache's promise: one statement per request for a known token, and a revoked token
// refused once its cache entry ends (at most TokenCache::kDefaultTtl after it was cached).
#include <doctest/doctest.h>

#include "api/token_cache.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;

TEST_CASE("a revoked token works until its cache entry ends, then is refused") {
  testing::WorkflowServer s;
  engine::store::TokenSpec spec;
  spec.role = Role::kAuthority;
  const auto created = s.tokens.create(spec, s.clock.now());
  CHECK(s.get(created.token, "/v1/disputes").status == 200);
  s.tokens.revoke(created.id, s.clock.now());
  // Within the delay the cached entry answers (the documented revocation delay) ...
  s.clock.advance(api::TokenCache::kDefaultTtl - std::chrono::seconds(1));
  CHECK(s.get(created.token, "/v1/disputes").status == 200);
  // ... and once it ends the database is asked again, which refuses it.
  s.clock.advance(std::chrono::seconds(1));
  CHECK(s.get(created.token, "/v1/disputes").status == 401);
  CHECK(s.get(created.token, "/v1/disputes").status == 401);
}

TEST_CASE("the cache asks the database once per token while its entry lasts, and never caches a refusal") {
  api::TokenCache cache(std::chrono::seconds(5), 2);
  const engine::Instant t0{};
  int asked = 0;
  const auto known = [&](const std::string& token) -> std::optional<engine::auth::Caller> {
    ++asked;
    if (token == "unknown") return std::nullopt;
    engine::auth::Caller c;
    c.token_id = static_cast<std::int64_t>(token.size());
    return c;
  };
  CHECK(cache.find("alpha", t0, known)->token_id == 5);
  CHECK(cache.find("alpha", t0 + std::chrono::seconds(4), known)->token_id == 5);
  CHECK(asked == 1);
  CHECK(cache.find("alpha", t0 + std::chrono::seconds(5), known));
  CHECK(asked == 2);
  CHECK_FALSE(cache.find("unknown", t0, known));
  CHECK_FALSE(cache.find("unknown", t0, known));
  CHECK(asked == 4);
  // Bounded: a third token in a cache of two starts it over; every answer stays right.
  CHECK(cache.find("beta", t0, known));
  CHECK(cache.find("gamma", t0, known));
  CHECK(cache.find("alpha", t0 + std::chrono::seconds(6), known)->token_id == 5);
}
