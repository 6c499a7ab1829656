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
    "INSERT INTO scans (mode, status, started_at, datasets, pack, pack_version, rule_versions) "
    "VALUES ($1, 'running', $2::timestamptz, $3::text[], $4, $5, $6::jsonb) RETURNING id";
constexpr const char* kWatermark = "SELECT last_update::text FROM dataset_watermarks WHERE dataset_id = $1";
constexpr const char* kFail =
    "UPDATE scans SET status = 'failed', finished_at = $2::timestamptz, error = $3 WHERE id = $1";

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
                                   const rules::RulePack& pack, Instant now) {
  nlohmann::json versions = nlohmann::json::object();
  for (const auto& r : pack.rules) versions[r.id] = r.version;
  auto rows = control_->query(kInsertScan, {mode == scan::ScanMode::kFull ? "full" : "incremental",
                                            to_pg_timestamp(now), pg_array_literal(datasets), pack.name, pack.version,
                                            versions.dump()});
  return std::stoll(*rows.at(0).at(0));
}

std::optional<std::string> ScanStore::watermark(const std::string& dataset_id) {
  auto rows = control_->query(kWatermark, {dataset_id});
  if (rows.empty()) return std::nullopt;
  return rows[0][0];
}

void ScanStore::fail(std::int64_t scan_id, Instant now, const std::string& error) {
  control_->command(kFail, {std::to_string(scan_id), to_pg_timestamp(now), error});
}

}  // namespace jiaohe::engine::store
