#pragma once
// Bearer tokens: random, shown once at creation, stored only as SHA-256 hashes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/auth/caller.hpp"
#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct TokenInfo {
  std::int64_t id = 0;
  auth::Role role = auth::Role::kCitizen;
  std::string subject_id;   // masked in list()
  std::string agency_code;
  std::string label;
  std::string created_at;
  std::optional<std::string> expires_at;
  std::optional<std::string> revoked_at;
};

struct NewToken {
  std::int64_t id = 0;
  std::string token;  // the only time the secret is seen
};

class TokenStore {
 public:
  explicit TokenStore(std::string url) : url_(std::move(url)) {}

  // Creates a token for `caller`'s role and binding; throws Error(kInvalidInput) when the
  // binding does not fit the role (a citizen needs a valid identifier, an agency a code).
  NewToken create(const auth::Caller& binding, const std::string& label, std::optional<Instant> expires_at);
  std::vector<TokenInfo> list();
  // False when there is no such token (or it was revoked already).
  bool revoke(std::int64_t id, Instant now);
  // The caller of a presented token, unless unknown, revoked or expired at `now`.
  std::optional<auth::Caller> authenticate(const std::string& token, Instant now);

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
