#include "api/token_cache.hpp"

#include "engine/util/sha256.hpp"

namespace jiaohe::api {

TokenCache::TokenCache(std::chrono::seconds ttl, std::size_t capacity) : ttl_(ttl), capacity_(capacity) {}

std::optional<engine::auth::Caller> TokenCache::find(const std::string& token, engine::Instant now, const Lookup& lookup) {
  const auto key = engine::util::sha256_hex(token);
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      if (now < it->second.until) return it->second.caller;
      entries_.erase(it);
    }
  }
  auto caller = lookup(token);  // outside the lock: a slow database must not serialise requests
  if (!caller || ttl_.count() == 0) return caller;
  std::lock_guard lock(mutex_);
  // Bounded: when full, start over (entries are cheap to refill, and a flood of distinct valid
  // tokens is not a pattern worth an LRU).
  if (entries_.size() >= capacity_) entries_.clear();
  entries_[key] = {*caller, now + ttl_};
  return caller;
}

}  // namespace jiaohe::api
