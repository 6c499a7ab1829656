#pragma once
// Tokens that authenticated recently, kept in memory for a short while, so that a request pays
// one database statement (its own) instead of two. The price is a revocation delay: a token
// revoked (or expired) while cached keeps working in this process until its entry ends, at most
// `ttl` after the lookup that cached it (docs/API.md). Only successes are cached: an unknown or
// revoked token is asked about every time.
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/auth/caller.hpp"
#include "engine/clock.hpp"

namespace jiaohe::api {

class TokenCache {
 public:
  using Lookup = std::function<std::optional<engine::auth::Caller>(const std::string& token)>;

  explicit TokenCache(std::chrono::seconds ttl = kDefaultTtl, std::size_t capacity = 10000);

  // The caller of `token`: from the cache while its entry lasts, else from `lookup` (cached
  // when found).
  std::optional<engine::auth::Caller> find(const std::string& token, engine::Instant now, const Lookup& lookup);

  static constexpr std::chrono::seconds kDefaultTtl{10};

 private:
  struct Entry {
    engine::auth::Caller caller;
    engine::Instant until;
  };
  std::chrono::seconds ttl_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by the token's SHA-256, not the token
};

}  // namespace jiaohe::api
