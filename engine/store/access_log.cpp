#include "engine/store/access_log.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kInsertAccess = R"sql(
  INSERT INTO access_log (at, token_id, role, agency_code, action, resource, subject_id, route)
  VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7, $8))sql";

}  // namespace

void record_access(const std::string& url, const auth::Caller& caller, const AccessEntry& entry, Instant now) {
  record_access(url, caller, std::vector<AccessEntry>{entry}, now);
}

void record_access(const std::string& url, const auth::Caller& caller, const std::vector<AccessEntry>& entries,
                   Instant now) {
  if (caller.role == auth::Role::kCitizen || entries.empty()) return;
  auto lease = connect(url);
  auto& c = *lease;
  pqxx::work tx(c);
  for (const auto& entry : entries)
    tx.exec_params(kInsertAccess, to_pg_timestamp(now), caller.token_id, auth::role_name(caller.role),
                   null_if_empty(caller.agency_code), entry.action, entry.resource, null_if_empty(entry.subject_id),
                   null_if_empty(entry.route));
  tx.commit();
}

}  // namespace jiaohe::engine::store
