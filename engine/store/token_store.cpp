#include "engine/store/token_store.hpp"

#include <array>
#include <chrono>

#include <openssl/rand.h>
#include <pqxx/pqxx>

#include "engine/error.hpp"
#include "engine/ids/subject_check.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/named_statement.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kInsertToken = R"sql(
  INSERT INTO api_tokens (token_hash, role, subject_id, agency_code, label, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz) RETURNING id)sql";
constexpr const char* kListTokens = R"sql(
  SELECT id, role, coalesce(subject_id, ''), coalesce(agency_code, ''), label, jiaohe_micros(created_at),
         jiaohe_micros(expires_at), jiaohe_micros(revoked_at)
  FROM api_tokens ORDER BY id)sql";
constexpr const char* kRevokeToken =
    "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2::timestamptz) WHERE id = $1";
const NamedStatement kAuthenticate("jiaohe_authenticate", R"sql(
  SELECT id, role, coalesce(subject_id, ''), coalesce(agency_code, '') FROM api_tokens
  WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2::timestamptz))sql");

}  // namespace

std::string token_hash(const std::string& token) {
  return util::sha256_hex(token);
}

TokenStore::TokenStore(std::string url) : url_(std::move(url)) {}

CreatedToken TokenStore::create(const TokenSpec& spec, Instant now) {
  std::string subject;
  if (spec.role == auth::Role::kCitizen) {
    if (spec.subject_id.empty()) throw Error(ErrorCode::kInvalidInput, "a citizen token needs a subject identifier");
    subject = ids::validated_subject(spec.subject_id, now, "the subject");
  } else if (!spec.subject_id.empty()) {
    throw Error(ErrorCode::kInvalidInput, "only citizen tokens take a subject identifier");
  }
  if (spec.role == auth::Role::kAgency && spec.agency_code.empty())
    throw Error(ErrorCode::kInvalidInput, "an agency token needs an agency code");
  if (spec.role != auth::Role::kAgency && !spec.agency_code.empty())
    throw Error(ErrorCode::kInvalidInput, "only agency tokens take an agency code");
  if (spec.expires_at && *spec.expires_at <= now)
    throw Error(ErrorCode::kInvalidInput, "the expiry must lie in the future");

  std::array<unsigned char, 32> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
    throw Error(ErrorCode::kInternal, "the random number generator failed");
  CreatedToken created;
  created.token = util::hex_of(std::string_view(reinterpret_cast<const char*>(random.data()), random.size()));
  auto lease = connect(url_);
  auto& c = *lease;
  pqxx::work tx(c);
  created.id = tx.exec_params(kInsertToken, token_hash(created.token), auth::role_name(spec.role), null_if_empty(subject),
                              null_if_empty(spec.agency_code), spec.label, to_pg_timestamp(now), pg_time(spec.expires_at))[0][0]
                   .as<std::int64_t>();
  tx.commit();
  return created;
}

std::vector<TokenInfo> TokenStore::list() const {
  auto lease = connect(url_);
  auto& c = *lease;
  pqxx::read_transaction tx(c);
  std::vector<TokenInfo> out;
  for (const auto& r : tx.exec(kListTokens)) {
    TokenInfo t;
    t.id = r[0].as<std::int64_t>();
    t.role = auth::parse_role(r[1].c_str()).value_or(auth::Role::kCitizen);
    t.subject_id = r[2].c_str();
    t.agency_code = r[3].c_str();
    t.label = r[4].c_str();
    t.created_at = *instant_of(r[5]);
    t.expires_at = instant_of(r[6]);
    t.revoked_at = instant_of(r[7]);
    out.push_back(std::move(t));
  }
  return out;
}

void TokenStore::revoke(std::int64_t id, Instant now) {
  auto lease = connect(url_);
  auto& c = *lease;
  pqxx::work tx(c);
  if (tx.exec_params(kRevokeToken, id, to_pg_timestamp(now)).affected_rows() == 0)
    throw Error(ErrorCode::kNotFound, "token " + std::to_string(id) + " does not exist");
  tx.commit();
}

std::optional<auth::Caller> TokenStore::authenticate(const std::string& token, Instant now) const {
  if (token.empty()) return std::nullopt;
  const auto rows = read_statement(url_, [&](pqxx::nontransaction& tx) {
    return exec_prepared_sql(tx, kAuthenticate, token_hash(token), to_pg_timestamp(now));
  });
  if (rows.empty()) return std::nullopt;
  auth::Caller caller;
  caller.token_id = rows[0][0].as<std::int64_t>();
  caller.role = auth::parse_role(rows[0][1].c_str()).value_or(auth::Role::kCitizen);
  caller.subject_id = rows[0][2].c_str();
  caller.agency_code = rows[0][3].c_str();
  return caller;
}

}  // namespace jiaohe::engine::store
