#pragma once
// The database side of the scheduled scan: leadership among `serve` processes (a PostgreSQL
// session advisory lock, released by the server if the process dies) and the record of the
// cron slots already run (table scheduled_scan_runs). All its SQL lives here.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/clock.hpp"
#include "engine/scan/scan_types.hpp"

namespace jiaohe::engine::store {

// Holds the schedule's advisory lock on a connection of its own until destroyed.
class ScheduleLeadership {
 public:
  struct Held;
  explicit ScheduleLeadership(std::unique_ptr<Held> held);
  ScheduleLeadership(ScheduleLeadership&&) noexcept;
  ~ScheduleLeadership();

 private:
  std::unique_ptr<Held> held_;
};

struct SlotState {
  bool recorded = false;        // this slot was started (by any process)
  bool earlier_recorded = false;  // some earlier slot was: the schedule ran before
};

class ScheduleStore {
 public:
  explicit ScheduleStore(std::string url);

  // Leadership when no other process holds it, else nullopt (without waiting).
  std::optional<ScheduleLeadership> try_lead() const;

  SlotState slot_state(Instant slot) const;
  bool has_successful_full_scan() const;

  // Ends the runs still "running" whose scan is not (their runner is gone: called by the leader):
  // as their scan ended (one taken over can end without its slot hearing), or failed when no
  // scan was recorded. A run whose scan is still running is left to the process that took the
  // scan over (jobs/scan_takeover.hpp).
  int fail_abandoned(Instant now) const;
  // Records that `slot` starts now; false when it was already recorded.
  bool begin(Instant slot, scan::ScanMode mode, const std::string& runner, Instant now) const;
  void succeed(Instant slot, std::int64_t scan_id, std::int64_t tasks_opened, Instant now) const;
  void fail(Instant slot, const std::string& error, Instant now) const;
  // The slot's scan has this id (its record was committed).
  void attach(Instant slot, std::int64_t scan_id) const;
  // The run of the slot whose scan this is ended, in a process that took the scan over.
  void scan_succeeded(std::int64_t scan_id, std::int64_t tasks_opened, Instant now) const;
  void scan_failed(std::int64_t scan_id, const std::string& error, Instant now) const;

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
