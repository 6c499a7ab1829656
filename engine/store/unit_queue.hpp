#pragma once
// The units a scan is split into (table scan_units, migrations/V017) and the leases that hold
// them and the scan itself: creating a scan's units, claiming one (FOR UPDATE SKIP LOCKED, a
// pending unit or one whose lease ran out), renewing and giving up a lease, the units' states
// for the coordinator, and finding the scans whose coordinator went away. Lease times are the
// caller's instants (an injected clock), never the database's now(). All its SQL lives here;
// what a unit stages is unit_stage.hpp.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/scan/scan_types.hpp"

namespace jiaohe::engine::store {

class PgSession;

// What a worker needs to do a unit: the unit, and the scan it belongs to.
struct UnitClaim {
  std::int64_t scan_id = 0;
  int unit_no = 0;
  std::string dataset_id;
  int attempts = 0;  // this claim included: more than 1 means it was taken over
  scan::ScanMode mode = scan::ScanMode::kFull;
  std::vector<std::string> scan_datasets;  // the datasets the scan checks
  Instant scan_now;                        // the scan's instant (its started_at)
};

// What a unit's row pass found, recorded with its staged lines.
struct UnitResult {
  std::int64_t rows_read = 0, rows_checked = 0;
  std::optional<std::string> newest_update;  // PostgreSQL text, UTC
  bool duplicates = false;
  std::int64_t staged_lines = 0;
};

struct UnitState {
  int unit_no = 0;
  std::string dataset_id;
  std::string status;  // pending, running, staged, merged, failed
  int attempts = 0;
  UnitResult result;
  std::optional<std::string> error;
};

// A running scan whose coordinator's lease ran out.
struct OrphanScan {
  std::int64_t scan_id = 0;
  std::string origin;  // manual, schedule, api
  std::optional<std::string> holder;
};

class UnitQueue {
 public:
  explicit UnitQueue(const std::string& url);
  ~UnitQueue();

  // The scan's units, one per dataset in `datasets`' order (unit_no 0, 1, ...).
  void create_units(std::int64_t scan_id, const std::vector<std::string>& datasets);

  // Claims the first claimable unit (of `only_scan` if given, else of any running scan of this
  // pack and version): pending, or running with a lease that ended before `now`. The claim
  // holds until now + lease.
  std::optional<UnitClaim> claim(const std::string& holder, Instant now, std::chrono::seconds lease,
                                 const std::string& pack, const std::string& pack_version,
                                 std::optional<std::int64_t> only_scan = std::nullopt);
  // Extends the unit's lease (and records its progress); false when `holder` lost it.
  bool renew(const UnitClaim& unit, const std::string& holder, Instant now, std::chrono::seconds lease,
             std::int64_t rows_read);
  // The unit could not be done (bad data, a stop): the scan fails with `error`. Only its holder
  // can say so.
  void fail(const UnitClaim& unit, const std::string& holder, const std::string& error);
  // Gives an unfinished unit back at once (a worker that stops): the next claim takes it.
  void release(const UnitClaim& unit, const std::string& holder);

  std::vector<UnitState> units(std::int64_t scan_id);
  // Deletes the staged lines of every scan that is no longer running (merged, or never to be).
  void drop_ended_lines();

  // The scan's own lease, renewed by its coordinator; false when another process took it over
  // or the scan ended.
  bool renew_scan(std::int64_t scan_id, const std::string& holder, Instant now, std::chrono::seconds lease);
  // Running scans whose lease ended before `now`.
  std::vector<OrphanScan> orphaned_scans(Instant now);
  // Makes `holder` the scan's coordinator if its lease still ended before `now`.
  bool adopt_scan(std::int64_t scan_id, const std::string& holder, Instant now, std::chrono::seconds lease);
  // Marks an orphaned scan failed (and its open units with it) if its lease still ended
  // before `now`; false when someone renewed or adopted it meanwhile.
  bool fail_orphan(std::int64_t scan_id, Instant now, const std::string& error);

 private:
  std::unique_ptr<PgSession> session_;
};

// Names this process in leases: host:pid:n, unique per call within the process.
std::string lease_holder_name();

}  // namespace jiaohe::engine::store
