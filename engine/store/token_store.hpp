#pragma once
// API bearer tokens: 32 random bytes (OpenSSL RAND_bytes) shown once as 64 hex characters;
// only their SHA-256 is stored. authenticate() turns a presented token into a Caller.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/auth/caller.hpp"
#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct TokenSpec {
  auth::Role role = auth::Role::kCitizen;
  std::string subject_id;   // required for citizen tokens (validated), refused for others
  std::string agency_code;  // required for agency tokens, refused for others
  // The person an agency or authority token names (optional): registered in the staff register
  // of the agency (or of the authority) under staff_id, with this name and position.
  std::string staff_id, staff_name;
  bool head = false;
  std::string label;
  std::optional<Instant> expires_at;
};

struct TokenInfo {
  std::int64_t id = 0;
  auth::Role role = auth::Role::kCitizen;
  std::string subject_id, agency_code, label;
  std::string staff_id, staff_name;
  bool head = false;
  Instant created_at{};
  std::optional<Instant> expires_at, revoked_at;
};

struct CreatedToken {
  std::int64_t id = 0;
  std::string token;  // the secret: not recoverable later
};

class TokenStore {
 public:
  explicit TokenStore(std::string url);

  // engine::Error(kInvalidInput) for a citizen token without a valid identifier (with the
  // validator's reason code, never the number), an agency token without an agency code, a
  // field the role does not take, or a staff id without a name (and the reverse). A person
  // is entered in the staff register, or their name and position there updated, with the token.
  CreatedToken create(const TokenSpec& spec, Instant now);
  std::vector<TokenInfo> list() const;
  // engine::Error(kNotFound) when there is no such token; revoking twice keeps the first time.
  void revoke(std::int64_t id, Instant now);
  // The caller a token stands for, or nullopt when it is unknown, revoked or expired at `now`.
  std::optional<auth::Caller> authenticate(const std::string& token, Instant now) const;

 private:
  std::string url_;
};

// Hex SHA-256 of a token: what api_tokens.token_hash holds.
std::string token_hash(const std::string& token);

}  // namespace jiaohe::engine::store
