#include "engine/store/idempotency_store.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/named_statement.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

// Keys past their retention (anyone's: this is what keeps the table small) are forgotten
// before the key is looked up, in the same statement.
const NamedStatement kFind("jiaohe_find_idempotency_key", R"sql(
  WITH forgotten AS (DELETE FROM idempotency_keys WHERE created_at <= $3::timestamptz)
  SELECT fingerprint, response_status, response_type, response_headers::text, response_body
  FROM idempotency_keys
  WHERE token_id = $1 AND key = $2 AND created_at > $3::timestamptz AND status = 'done')sql");

// A concurrent insert of the same key makes this wait for that transaction's end: then it
// inserts (the other rolled back) or does nothing (the other committed).
const NamedStatement kClaim("jiaohe_claim_idempotency_key", R"sql(
  INSERT INTO idempotency_keys (token_id, key, fingerprint, status, created_at)
  VALUES ($1, $2, $3, 'running', $4::timestamptz)
  ON CONFLICT (token_id, key) DO NOTHING)sql");

const NamedStatement kRecord("jiaohe_record_idempotency_answer", R"sql(
  UPDATE idempotency_keys
  SET status = 'done', response_status = $3, response_type = $4, response_headers = $5::jsonb,
      response_body = $6, completed_at = $7::timestamptz
  WHERE token_id = $1 AND key = $2 AND status = 'running')sql");

StoredResponse response_of(const pqxx::row& r) {
  StoredResponse out;
  out.status = r[1].as<int>();
  out.content_type = r[2].is_null() ? "" : r[2].c_str();
  if (!r[3].is_null())
    for (const auto& h : nlohmann::json::parse(r[3].c_str())) out.headers.emplace_back(h.at(0), h.at(1));
  out.body = r[4].is_null() ? "" : r[4].c_str();
  return out;
}

}  // namespace

IdempotencyStore::IdempotencyStore(std::string url) : url_(std::move(url)) {}

IdempotencyLookup IdempotencyStore::find(const IdempotencyKey& key, Instant now) const {
  auto lease = connect(url_);
  pqxx::nontransaction tx(*lease);
  const auto rows = exec_prepared_sql(tx, kFind, key.token_id, key.key, to_pg_timestamp(now - kIdempotencyRetention));
  if (rows.empty()) return {};
  if (rows[0][0].c_str() != key.fingerprint) return {IdempotencyLookup::Outcome::kMismatch, std::nullopt};
  return {IdempotencyLookup::Outcome::kReplay, response_of(rows[0])};
}

bool claim_key(pqxx::transaction_base& tx, const IdempotencyKey& key, Instant now) {
  return exec_prepared_sql(tx, kClaim, key.token_id, key.key, key.fingerprint, to_pg_timestamp(now)).affected_rows() ==
         1;
}

void record_answer(pqxx::transaction_base& tx, const IdempotencyKey& key, const StoredResponse& response,
                   Instant now) {
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : response.headers) headers.push_back({name, value});
  exec_prepared_sql(tx, kRecord, key.token_id, key.key, response.status, response.content_type, headers.dump(),
                    response.body, to_pg_timestamp(now));
}

}  // namespace jiaohe::engine::store
