#include "engine/store/scan_store.hpp"

#include <nlohmann/json.hpp>

#include "engine/store/pg_session.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kSessionSettings = "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET client_min_messages = warning";
constexpr const char* kTryLock = "SELECT pg_try_advisory_lock(hashtext('jiaohe.scan'), hashtext($1))";
constexpr const char* kWaitLock = "SELECT pg_advisory_lock(hashtext('jiaohe.scan'), hashtext($1))";
constexpr const char* kUnlockAll = "SELECT pg_advisory_unlock_all()";
constexpr const char* kInsertScan =
    "INSERT INTO scans (mode, status, started_at, datasets, pack, pack_version, rule_versions, origin, holder, "
    "lease_until) VALUES ($1, 'running', $2::timestamptz, $3::text[], $4, $5, $6::jsonb, $7, $8, $9::timestamptz) "
    "RETURNING id";
constexpr const char* kRunning =
    "SELECT mode, array_to_string(datasets, chr(31)), jiaohe_micros(started_at), origin, pack, pack_version "
    "FROM scans WHERE id = $1 AND status = 'running'";
constexpr const char* kFail =
    "UPDATE scans SET status = 'failed', finished_at = $2::timestamptz, error = $3 "
    "WHERE id = $1 AND status = 'running' AND holder = $4";

}  // namespace

ScanStore::ScanStore(const std::string& url) : control_(std::make_unique<PgSession>(url)) {
  control_->exec(kSessionSettings);
}

// The locks go with an explicit unlock, not with the connection: a closed connection's backend
// releases its session locks only when it has exited, a moment after PQfinish returns, so the
// next scan in this process could still find them held.
ScanStore::~ScanStore() {
  try {
    control_->exec(kUnlockAll);
  } catch (...) {
    // The connection is gone (and with it, once its backend exits, the locks).
  }
}

void ScanStore::lock_datasets(const std::vector<std::string>& datasets, bool wait) {
  for (const auto& d : datasets) {
    auto rows = control_->query(wait ? kWaitLock : kTryLock, {d});
    if (!wait && rows.at(0).at(0) != "t")
      throw scan::ScanBusy("another scan is running on dataset " + d +
                               "; wait for it to finish (or run with --wait to queue behind it)",
                           d);
  }
}

std::int64_t ScanStore::begin_scan(scan::ScanMode mode, const std::vector<std::string>& datasets,
                                   const rules::RulePack& pack, Instant now, scan::ScanOrigin origin,
                                   const std::string& holder, Instant lease_until) {
  nlohmann::json versions = nlohmann::json::object();
  for (const auto& r : pack.rules) versions[r.id] = r.version;
  auto rows = control_->query(kInsertScan, {mode == scan::ScanMode::kFull ? "full" : "incremental",
                                            to_pg_timestamp(now), pg_array_literal(datasets), pack.name, pack.version,
                                            versions.dump(), scan::origin_name(origin), holder,
                                            to_pg_timestamp(lease_until)});
  return std::stoll(*rows.at(0).at(0));
}

std::optional<ScanStore::RunningScan> ScanStore::running(std::int64_t scan_id) {
  const auto rows = control_->query(kRunning, {std::to_string(scan_id)});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  RunningScan s;
  s.mode = *r[0] == "full" ? scan::ScanMode::kFull : scan::ScanMode::kIncremental;
  s.datasets = split_unit_separated(r[1].value_or(""));
  s.started_at = Instant(std::chrono::microseconds(std::stoll(*r[2])));
  s.origin = *r[3] == "schedule" ? scan::ScanOrigin::kSchedule
             : *r[3] == "api"    ? scan::ScanOrigin::kApi
                                 : scan::ScanOrigin::kManual;
  s.pack = *r[4];
  s.pack_version = *r[5];
  return s;
}

void ScanStore::fail(std::int64_t scan_id, Instant now, const std::string& error, const std::string& holder) {
  control_->command(kFail, {std::to_string(scan_id), to_pg_timestamp(now), error, holder});
}

}  // namespace jiaohe::engine::store
