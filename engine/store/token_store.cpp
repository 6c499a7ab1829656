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
  INSERT INTO api_tokens (token_hash, role, subject_id, agency_code, label, created_at, expires_at, staff_unit, staff_id)
  VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8, $9) RETURNING id)sql";
constexpr const char* kRegisterStaff = R"sql(
  INSERT INTO staff (unit, staff_id, name, position, created_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
  ON CONFLICT (unit, staff_id) DO UPDATE SET name = excluded.name, position = excluded.position)sql";
constexpr const char* kListTokens = R"sql(
  SELECT t.id, t.role, coalesce(t.subject_id, ''), coalesce(t.agency_code, ''), t.label, jiaohe_micros(t.created_at),
         jiaohe_micros(t.expires_at), jiaohe_micros(t.revoked_at), coalesce(s.staff_id, ''), coalesce(s.name, ''),
         coalesce(s.position = 'head', false)
  FROM api_tokens t LEFT JOIN staff s ON s.unit = t.staff_unit AND s.staff_id = t.staff_id ORDER BY t.id)sql";
constexpr const char* kRevokeToken =
    "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2::timestamptz) WHERE id = $1";
const NamedStatement kAuthenticate("jiaohe_authenticate", R"sql(
  SELECT t.id, t.role, coalesce(t.subject_id, ''), coalesce(t.agency_code, ''), coalesce(s.staff_id, ''),
         coalesce(s.name, ''), coalesce(s.position = 'head', false)
  FROM api_tokens t LEFT JOIN staff s ON s.unit = t.staff_unit AND s.staff_id = t.staff_id
  WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2::timestamptz))sql");

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
  if (spec.staff_id.empty() != spec.staff_name.empty())
    throw Error(ErrorCode::kInvalidInput, "a person is named by a staff id and a name, both");
  if (!spec.staff_id.empty() && spec.role != auth::Role::kAgency && spec.role != auth::Role::kAuthority)
    throw Error(ErrorCode::kInvalidInput, "only agency and authority tokens name a member of staff");
  if (spec.head && (spec.staff_id.empty() || spec.role != auth::Role::kAgency))
    throw Error(ErrorCode::kInvalidInput, "a head is a named member of staff of an agency");
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
  const std::string unit = spec.role == auth::Role::kAuthority ? "authority" : spec.agency_code;
  if (!spec.staff_id.empty())
    tx.exec_params(kRegisterStaff, unit, spec.staff_id, spec.staff_name, spec.head ? "head" : "staff",
                   to_pg_timestamp(now));
  const auto staff_unit = spec.staff_id.empty() ? std::nullopt : std::optional<std::string>(unit);
  created.id = tx.exec_params(kInsertToken, token_hash(created.token), auth::role_name(spec.role), null_if_empty(subject),
                              null_if_empty(spec.agency_code), spec.label, to_pg_timestamp(now), pg_time(spec.expires_at),
                              staff_unit, null_if_empty(spec.staff_id))[0][0]
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
    t.staff_id = r[8].c_str();
    t.staff_name = r[9].c_str();
    t.head = r[10].as<bool>();
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
  caller.staff_id = rows[0][4].c_str();
  caller.staff_name = rows[0][5].c_str();
  caller.head = rows[0][6].as<bool>();
  return caller;
}

}  // namespace jiaohe::engine::store
