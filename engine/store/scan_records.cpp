#include "engine/store/scan_records.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kRecordProgress = R"sql(
  UPDATE scans SET progress_rows = $2, datasets_done = $3, progress_dataset = nullif($4, ''),
                   progress_phase = nullif($5, '')
  WHERE id = $1)sql";

const std::string kSelectScan = R"sql(
  SELECT id, mode, status, jiaohe_micros(started_at), jiaohe_micros(finished_at), array_to_json(datasets)::text,
         pack, pack_version, progress_rows, datasets_done, coalesce(progress_dataset, ''),
         coalesce(progress_phase, ''), rows_scanned, findings_new, findings_seen, findings_resolved,
         findings_reopened, coalesce(error, '')
  FROM scans)sql";
const std::string kScanById = kSelectScan + " WHERE id = $1";
const std::string kScanPage = kSelectScan + " WHERE ($1::bigint = 0 OR id < $1) ORDER BY id DESC LIMIT $2";

// A scheduled scan is left to the takeover (jobs/scan_takeover.hpp), which finishes it.
constexpr const char* kRunningScans =
    "SELECT id FROM scans WHERE status = 'running' AND origin <> 'schedule' ORDER BY id";
// Tries every dataset's lock (the key of ScanStore::lock_datasets); the aggregate does not stop
// at the first refusal, and whatever was taken is released by kUnlockAll.
constexpr const char* kAllLocksFree = R"sql(
  SELECT bool_and(pg_try_advisory_lock(hashtext('jiaohe.scan'), hashtext(d)))
  FROM unnest((SELECT datasets FROM scans WHERE id = $1)) AS d)sql";
constexpr const char* kUnlockAll = "SELECT pg_advisory_unlock_all()";
constexpr const char* kFailAbandoned = R"sql(
  UPDATE scans SET status = 'failed', finished_at = $2::timestamptz,
                   error = 'interrupted: the process running it ended before it finished'
  WHERE id = $1 AND status = 'running')sql";

ScanRecord scan_of(const pqxx::row& r) {
  ScanRecord s;
  s.id = r[0].as<std::int64_t>();
  s.mode = r[1].c_str();
  s.status = r[2].c_str();
  s.started_at = *instant_of(r[3]);
  s.finished_at = instant_of(r[4]);
  s.datasets = nlohmann::json::parse(r[5].c_str()).get<std::vector<std::string>>();
  s.pack = r[6].c_str();
  s.pack_version = r[7].c_str();
  s.progress = {r[8].as<std::int64_t>(), r[9].as<int>(), r[10].c_str(), r[11].c_str()};
  s.rows_scanned = r[12].as<std::int64_t>();
  s.findings_new = r[13].as<std::int64_t>();
  s.findings_seen = r[14].as<std::int64_t>();
  s.findings_resolved = r[15].as<std::int64_t>();
  s.findings_reopened = r[16].as<std::int64_t>();
  s.error = r[17].c_str();
  // Scans run by `jiaohe scan` write no progress; a succeeded one has read everything and is
  // in no phase any more (a failed one keeps the phase it failed in).
  if (s.status == "succeeded") {
    s.progress.rows_scanned = s.rows_scanned;
    s.progress.datasets_done = static_cast<int>(s.datasets.size());
    s.progress.phase.clear();
  }
  return s;
}

}  // namespace

void record_scan_progress(const std::string& url, std::int64_t scan_id, const ScanProgress& p) {
  auto lease = connect(url);
  pqxx::nontransaction tx(*lease);
  tx.exec_params(kRecordProgress, scan_id, p.rows_scanned, p.datasets_done, p.dataset, p.phase);
}

std::vector<std::int64_t> fail_abandoned_scans(const std::string& url, Instant now) {
  auto lease = connect(url);
  pqxx::nontransaction tx(*lease);
  std::vector<std::int64_t> failed;
  std::vector<std::int64_t> running;
  for (const auto& r : tx.exec(kRunningScans)) running.push_back(r[0].as<std::int64_t>());
  try {
    for (const auto id : running) {
      const auto free = tx.exec_params(kAllLocksFree, id);
      // Holding the locks, no scan can start on these datasets while the record is changed.
      if (!free[0][0].is_null() && free[0][0].as<bool>()) {
        tx.exec_params(kFailAbandoned, id, to_pg_timestamp(now));
        failed.push_back(id);
      }
      tx.exec(kUnlockAll);
    }
  } catch (...) {
    // A pooled connection must not go back holding locks; a broken one holds none.
    try {
      tx.exec(kUnlockAll);
    } catch (...) {
    }
    throw;
  }
  return failed;
}

std::optional<ScanRecord> find_scan(const std::string& url, std::int64_t id) {
  return read_statement(url, [&](pqxx::nontransaction& tx) -> std::optional<ScanRecord> {
    const auto rows = tx.exec_params(kScanById, id);
    if (rows.empty()) return std::nullopt;
    return scan_of(rows[0]);
  });
}

Page<ScanRecord> list_scans(const std::string& url, const PageQuery& page) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<ScanRecord> fetched;
    for (const auto& r : tx.exec_params(kScanPage, page.before_id, page.limit + 1)) fetched.push_back(scan_of(r));
    return page_of(std::move(fetched), page, [](const ScanRecord& x) { return x.id; });
  });
}

}  // namespace jiaohe::engine::store
