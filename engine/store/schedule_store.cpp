#include "engine/store/schedule_store.hpp"

#include "engine/log/log.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kTryLock = "SELECT pg_try_advisory_lock(hashtext('jiaohe.scheduled_scan'))";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock(hashtext('jiaohe.scheduled_scan'))";
constexpr const char* kSlotState = R"sql(
  SELECT EXISTS (SELECT 1 FROM scheduled_scan_runs WHERE slot = $1::timestamptz),
         EXISTS (SELECT 1 FROM scheduled_scan_runs WHERE slot < $1::timestamptz))sql";
constexpr const char* kFullScanExists =
    "SELECT EXISTS (SELECT 1 FROM scans WHERE mode = 'full' AND status = 'succeeded')";
constexpr const char* kFailAbandoned = R"sql(
  UPDATE scheduled_scan_runs r
  SET status = coalesce(s.status, 'failed'), finished_at = coalesce(s.finished_at, $1::timestamptz),
      error = CASE WHEN s.id IS NULL THEN 'the serve process running it stopped before its scan started'
                   ELSE s.error END
  FROM scheduled_scan_runs r2 LEFT JOIN scans s ON s.id = r2.scan_id
  WHERE r.slot = r2.slot AND r.status = 'running' AND (s.id IS NULL OR s.status <> 'running'))sql";
constexpr const char* kAttach = "UPDATE scheduled_scan_runs SET scan_id = $2 WHERE slot = $1::timestamptz";
constexpr const char* kScanSucceeded = R"sql(
  UPDATE scheduled_scan_runs SET status = 'succeeded', tasks_opened = $2, finished_at = $3::timestamptz
  WHERE scan_id = $1 AND status = 'running')sql";
constexpr const char* kScanFailed = R"sql(
  UPDATE scheduled_scan_runs SET status = 'failed', error = $2, finished_at = $3::timestamptz
  WHERE scan_id = $1 AND status = 'running')sql";
constexpr const char* kBegin = R"sql(
  INSERT INTO scheduled_scan_runs (slot, mode, status, runner, started_at)
  VALUES ($1::timestamptz, $2, 'running', $3, $4::timestamptz) ON CONFLICT (slot) DO NOTHING)sql";
constexpr const char* kSucceed = R"sql(
  UPDATE scheduled_scan_runs SET status = 'succeeded', scan_id = $2, tasks_opened = $3, finished_at = $4::timestamptz
  WHERE slot = $1::timestamptz)sql";
constexpr const char* kFail = R"sql(
  UPDATE scheduled_scan_runs SET status = 'failed', error = $2, finished_at = $3::timestamptz
  WHERE slot = $1::timestamptz)sql";

// One statement in autocommit on a pooled connection.
pqxx::result exec(const std::string& url, const char* sql, auto&&... params) {
  auto lease = connect(url);
  pqxx::nontransaction tx(*lease);
  return tx.exec_params(sql, std::forward<decltype(params)>(params)...);
}

}  // namespace

struct ScheduleLeadership::Held {
  PooledConnection lease;
};

ScheduleLeadership::ScheduleLeadership(std::unique_ptr<Held> held) : held_(std::move(held)) {}
ScheduleLeadership::ScheduleLeadership(ScheduleLeadership&&) noexcept = default;

ScheduleLeadership::~ScheduleLeadership() {
  if (!held_) return;  // moved from
  try {
    pqxx::nontransaction tx(*held_->lease);
    tx.exec(kUnlock);
  } catch (const std::exception& e) {
    // A connection that still held the lock must not go back to the pool: close it, and the
    // server releases the lock with the session.
    log::warn("schedule.unlock_failed", {{"error", e.what()}});
    held_->lease->disconnect();
  }
}

ScheduleStore::ScheduleStore(std::string url) : url_(std::move(url)) {}

std::optional<ScheduleLeadership> ScheduleStore::try_lead() const {
  auto held = std::make_unique<ScheduleLeadership::Held>(ScheduleLeadership::Held{connect(url_)});
  bool locked = false;
  {
    pqxx::nontransaction tx(*held->lease);
    locked = tx.exec(kTryLock).at(0).at(0).as<bool>();
  }
  if (!locked) return std::nullopt;
  return ScheduleLeadership(std::move(held));
}

SlotState ScheduleStore::slot_state(Instant slot) const {
  const auto row = exec(url_, kSlotState, to_pg_timestamp(slot)).at(0);
  return {row[0].as<bool>(), row[1].as<bool>()};
}

bool ScheduleStore::has_successful_full_scan() const { return exec(url_, kFullScanExists).at(0).at(0).as<bool>(); }

int ScheduleStore::fail_abandoned(Instant now) const {
  return static_cast<int>(exec(url_, kFailAbandoned, to_pg_timestamp(now)).affected_rows());
}

bool ScheduleStore::begin(Instant slot, scan::ScanMode mode, const std::string& runner, Instant now) const {
  const std::string mode_name = mode == scan::ScanMode::kFull ? "full" : "incremental";
  return exec(url_, kBegin, to_pg_timestamp(slot), mode_name, runner, to_pg_timestamp(now)).affected_rows() == 1;
}

void ScheduleStore::succeed(Instant slot, std::int64_t scan_id, std::int64_t tasks_opened, Instant now) const {
  exec(url_, kSucceed, to_pg_timestamp(slot), scan_id, tasks_opened, to_pg_timestamp(now));
}

void ScheduleStore::fail(Instant slot, const std::string& error, Instant now) const {
  exec(url_, kFail, to_pg_timestamp(slot), error, to_pg_timestamp(now));
}

void ScheduleStore::attach(Instant slot, std::int64_t scan_id) const {
  exec(url_, kAttach, to_pg_timestamp(slot), scan_id);
}

void ScheduleStore::scan_succeeded(std::int64_t scan_id, std::int64_t tasks_opened, Instant now) const {
  exec(url_, kScanSucceeded, scan_id, tasks_opened, to_pg_timestamp(now));
}

void ScheduleStore::scan_failed(std::int64_t scan_id, const std::string& error, Instant now) const {
  exec(url_, kScanFailed, scan_id, error, to_pg_timestamp(now));
}

}  // namespace jiaohe::engine::store
