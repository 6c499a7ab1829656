#include "engine/store/idempotency_store.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/scan_store.hpp"

namespace jiaohe::engine::store {
namespace {

// Keys past their retention (anyone's: this is what keeps the table small), and this key's
// claim if its process died, are forgotten before claiming.
constexpr const char* kForgetStale = R"sql(
  DELETE FROM idempotency_keys
  WHERE created_at <= $3::timestamptz
     OR (token_id = $1 AND key = $2 AND status = 'running' AND created_at <= $4::timestamptz))sql";

constexpr const char* kClaim = R"sql(
  INSERT INTO idempotency_keys (token_id, key, fingerprint, status, created_at)
  VALUES ($1, $2, $3, 'running', $4::timestamptz)
  ON CONFLICT (token_id, key) DO NOTHING)sql";

constexpr const char* kFind = R"sql(
  SELECT fingerprint, status, response_status, response_type, response_headers::text, response_body
  FROM idempotency_keys WHERE token_id = $1 AND key = $2)sql";

constexpr const char* kComplete = R"sql(
  UPDATE idempotency_keys
  SET status = 'done', response_status = $3, response_type = $4, response_headers = $5::jsonb,
      response_body = $6, completed_at = $7::timestamptz
  WHERE token_id = $1 AND key = $2 AND status = 'running')sql";

constexpr const char* kRelease = R"sql(
  DELETE FROM idempotency_keys WHERE token_id = $1 AND key = $2 AND status = 'running')sql";

constexpr const char* kMarkInDoubt = R"sql(
  UPDATE idempotency_keys SET status = 'in_doubt' WHERE token_id = $1 AND key = $2 AND status = 'running')sql";

StoredResponse response_of(const pqxx::row& r) {
  StoredResponse out;
  out.status = r[2].as<int>();
  out.content_type = r[3].is_null() ? "" : r[3].c_str();
  if (!r[4].is_null())
    for (const auto& h : nlohmann::json::parse(r[4].c_str())) out.headers.emplace_back(h.at(0), h.at(1));
  out.body = r[5].is_null() ? "" : r[5].c_str();
  return out;
}

}  // namespace

IdempotencyStore::IdempotencyStore(std::string url) : url_(std::move(url)) {}

IdempotencyClaim IdempotencyStore::claim(std::int64_t token_id, const std::string& key, const std::string& fingerprint,
                                         Instant now) {
  auto lease = connect(url_);
  // The row found by kFind may vanish before it is read (its request failed and released it);
  // then the key is free again and claiming it once more settles the race.
  for (int attempt = 0; attempt < 3; ++attempt) {
    pqxx::work tx(*lease);
    tx.exec_params(kForgetStale, token_id, key, to_pg_timestamp(now - kIdempotencyRetention),
                   to_pg_timestamp(now - kIdempotencyLease));
    // Waits for a concurrent claim of the same key to commit, then does nothing.
    const auto inserted = tx.exec_params(kClaim, token_id, key, fingerprint, to_pg_timestamp(now)).affected_rows();
    const auto found = inserted == 0 ? tx.exec_params(kFind, token_id, key) : pqxx::result();
    tx.commit();
    if (inserted == 1) return {IdempotencyClaim::Outcome::kClaimed, std::nullopt};
    if (found.empty()) continue;
    const auto& row = found[0];
    if (row[0].c_str() != fingerprint) return {IdempotencyClaim::Outcome::kMismatch, std::nullopt};
    const std::string_view status = row[1].c_str();
    if (status == "running") return {IdempotencyClaim::Outcome::kInProgress, std::nullopt};
    if (status == "in_doubt") return {IdempotencyClaim::Outcome::kInDoubt, std::nullopt};
    return {IdempotencyClaim::Outcome::kReplay, response_of(row)};
  }
  return {IdempotencyClaim::Outcome::kInProgress, std::nullopt};
}

void IdempotencyStore::complete(std::int64_t token_id, const std::string& key, const StoredResponse& response,
                                Instant now) {
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : response.headers) headers.push_back({name, value});
  auto lease = connect(url_);
  pqxx::nontransaction tx(*lease);
  tx.exec_params(kComplete, token_id, key, response.status, response.content_type, headers.dump(), response.body,
                 to_pg_timestamp(now));
}

void IdempotencyStore::release(std::int64_t token_id, const std::string& key) {
  auto lease = connect(url_);
  pqxx::nontransaction tx(*lease);
  tx.exec_params(kRelease, token_id, key);
}

void IdempotencyStore::mark_in_doubt(std::int64_t token_id, const std::string& key) {
  auto lease = connect(url_);
  pqxx::nontransaction tx(*lease);
  tx.exec_params(kMarkInDoubt, token_id, key);
}

}  // namespace jiaohe::engine::store
