#include "engine/store/unit_queue.hpp"

#include <unistd.h>

#include <atomic>

#include "engine/store/pg_session.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kSessionSettings = "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET client_min_messages = warning";
constexpr const char* kCreateUnits = R"sql(
  INSERT INTO scan_units (scan_id, unit_no, dataset_id)
  SELECT $1, n - 1, d FROM unnest($2::text[]) WITH ORDINALITY AS u(d, n))sql";
// The first claimable unit in the order scans and units were created; a unit another worker is
// claiming at this moment is skipped, not waited for.
constexpr const char* kClaim = R"sql(
  WITH next AS (
    SELECT u.scan_id, u.unit_no
    FROM scan_units u JOIN scans s ON s.id = u.scan_id
    WHERE s.status = 'running' AND s.pack = $4 AND s.pack_version = $5 AND ($6::bigint IS NULL OR u.scan_id = $6)
      AND (u.status = 'pending' OR (u.status = 'running' AND u.lease_until < $2::timestamptz))
    ORDER BY u.scan_id, u.unit_no
    LIMIT 1
    FOR UPDATE OF u SKIP LOCKED)
  UPDATE scan_units u SET status = 'running', holder = $1, lease_until = $2::timestamptz + $3 * interval '1 second',
                          attempts = u.attempts + 1, rows_read = 0
  FROM next, scans s
  WHERE u.scan_id = next.scan_id AND u.unit_no = next.unit_no AND s.id = u.scan_id
  RETURNING u.scan_id, u.unit_no, u.dataset_id, u.attempts, s.mode, array_to_string(s.datasets, chr(31)),
            jiaohe_micros(s.started_at))sql";
constexpr const char* kRenew = R"sql(
  UPDATE scan_units SET lease_until = $4::timestamptz + $5 * interval '1 second', rows_read = $6
  WHERE scan_id = $1 AND unit_no = $2 AND holder = $3 AND status = 'running')sql";
constexpr const char* kFail = R"sql(
  UPDATE scan_units SET status = 'failed', error = $4, lease_until = NULL
  WHERE scan_id = $1 AND unit_no = $2 AND holder = $3 AND status = 'running')sql";
constexpr const char* kRelease = R"sql(
  UPDATE scan_units SET status = 'pending', holder = NULL, lease_until = NULL
  WHERE scan_id = $1 AND unit_no = $2 AND holder = $3 AND status = 'running')sql";
constexpr const char* kUnits = R"sql(
  SELECT unit_no, dataset_id, status, attempts, rows_read, rows_checked, newest_update, duplicates, staged_lines, error
  FROM scan_units WHERE scan_id = $1 ORDER BY unit_no)sql";
constexpr const char* kUnitTables[] = {"unit_findings", "unit_records",    "unit_values",
                                       "unit_keys",     "unit_duplicates", "unit_gone_values"};
constexpr const char* kRenewScan = R"sql(
  UPDATE scans SET lease_until = $3::timestamptz + $4 * interval '1 second'
  WHERE id = $1 AND holder = $2 AND status = 'running')sql";
constexpr const char* kOrphans = R"sql(
  SELECT id, origin, holder FROM scans
  WHERE status = 'running' AND lease_until < $1::timestamptz ORDER BY id)sql";
constexpr const char* kAdoptScan = R"sql(
  UPDATE scans SET holder = $2, lease_until = $3::timestamptz + $4 * interval '1 second'
  WHERE id = $1 AND status = 'running' AND lease_until < $3::timestamptz)sql";
constexpr const char* kFailOrphan = R"sql(
  WITH s AS (
    UPDATE scans SET status = 'failed', finished_at = $2::timestamptz, error = $3
    WHERE id = $1 AND status = 'running' AND lease_until < $2::timestamptz RETURNING id)
  , u AS (
    UPDATE scan_units u SET status = 'failed', error = coalesce(u.error, $3)
    FROM s WHERE u.scan_id = s.id AND u.status IN ('pending', 'running'))
  SELECT count(*) FROM s)sql";

std::string seconds_of(std::chrono::seconds s) { return std::to_string(s.count()); }
std::optional<std::string> scan_param(std::optional<std::int64_t> id) {
  return id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt;
}


}  // namespace

UnitQueue::UnitQueue(const std::string& url) : session_(std::make_unique<PgSession>(url)) {
  session_->exec(kSessionSettings);
}

UnitQueue::~UnitQueue() = default;

void UnitQueue::create_units(std::int64_t scan_id, const std::vector<std::string>& datasets) {
  session_->command(kCreateUnits, {std::to_string(scan_id), pg_array_literal(datasets)});
}

std::optional<UnitClaim> UnitQueue::claim(const std::string& holder, Instant now, std::chrono::seconds lease,
                                          const std::string& pack, const std::string& pack_version,
                                          std::optional<std::int64_t> only_scan) {
  const auto rows = session_->query(kClaim, {holder, to_pg_timestamp(now), seconds_of(lease), pack, pack_version,
                                             scan_param(only_scan)});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  UnitClaim c;
  c.scan_id = std::stoll(*r[0]);
  c.unit_no = std::stoi(*r[1]);
  c.dataset_id = *r[2];
  c.attempts = std::stoi(*r[3]);
  c.mode = *r[4] == "full" ? scan::ScanMode::kFull : scan::ScanMode::kIncremental;
  c.scan_datasets = split_unit_separated(r[5].value_or(""));
  c.scan_now = Instant(std::chrono::microseconds(std::stoll(*r[6])));
  return c;
}

bool UnitQueue::renew(const UnitClaim& unit, const std::string& holder, Instant now, std::chrono::seconds lease,
                      std::int64_t rows_read) {
  return session_->command(kRenew, {std::to_string(unit.scan_id), std::to_string(unit.unit_no), holder,
                                    to_pg_timestamp(now), seconds_of(lease), std::to_string(rows_read)}) == 1;
}

void UnitQueue::fail(const UnitClaim& unit, const std::string& holder, const std::string& error) {
  session_->command(kFail, {std::to_string(unit.scan_id), std::to_string(unit.unit_no), holder, error});
}

void UnitQueue::release(const UnitClaim& unit, const std::string& holder) {
  session_->command(kRelease, {std::to_string(unit.scan_id), std::to_string(unit.unit_no), holder});
}

std::vector<UnitState> UnitQueue::units(std::int64_t scan_id) {
  std::vector<UnitState> out;
  for (const auto& r : session_->query(kUnits, {std::to_string(scan_id)})) {
    UnitState u;
    u.unit_no = std::stoi(*r[0]);
    u.dataset_id = *r[1];
    u.status = *r[2];
    u.attempts = std::stoi(*r[3]);
    u.result.rows_read = std::stoll(*r[4]);
    u.result.rows_checked = std::stoll(*r[5]);
    u.result.newest_update = r[6];
    u.result.duplicates = r[7] == "t";
    u.result.staged_lines = std::stoll(*r[8]);
    u.error = r[9];
    out.push_back(std::move(u));
  }
  return out;
}

void UnitQueue::drop_ended_lines() {
  for (const char* table : kUnitTables)
    session_->command(std::string("DELETE FROM ") + table +
                      " WHERE scan_id NOT IN (SELECT id FROM scans WHERE status = 'running')");
}

bool UnitQueue::renew_scan(std::int64_t scan_id, const std::string& holder, Instant now, std::chrono::seconds lease) {
  return session_->command(kRenewScan, {std::to_string(scan_id), holder, to_pg_timestamp(now), seconds_of(lease)}) == 1;
}

std::vector<OrphanScan> UnitQueue::orphaned_scans(Instant now) {
  std::vector<OrphanScan> out;
  for (const auto& r : session_->query(kOrphans, {to_pg_timestamp(now)}))
    out.push_back({std::stoll(*r[0]), *r[1], r[2]});
  return out;
}

bool UnitQueue::adopt_scan(std::int64_t scan_id, const std::string& holder, Instant now, std::chrono::seconds lease) {
  return session_->command(kAdoptScan, {std::to_string(scan_id), holder, to_pg_timestamp(now), seconds_of(lease)}) == 1;
}

bool UnitQueue::fail_orphan(std::int64_t scan_id, Instant now, const std::string& error) {
  const auto rows = session_->query(kFailOrphan, {std::to_string(scan_id), to_pg_timestamp(now), error});
  return rows.at(0).at(0) == "1";
}

std::string lease_holder_name() {
  static std::atomic<int> next{0};
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(++next);
}

}  // namespace jiaohe::engine::store
