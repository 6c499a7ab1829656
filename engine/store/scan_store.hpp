#pragma once
// The scan's record and its locks: advisory locks on the datasets, the scans row (committed at
// once, so a running scan can be followed), the watermarks incremental scans start from, and
// how a failed scan ends. Reading rows is row_source.hpp, the results scan_results.hpp, the
// set rules set_rules/.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/scan/scan_types.hpp"
#include "rules/rule.hpp"

namespace jiaohe::engine::store {

class PgSession;

class ScanStore {
 public:
  explicit ScanStore(const std::string& url);
  ~ScanStore();

  // Advisory locks on the datasets, held until this object goes away. Refuses (ScanBusy)
  // when another scan holds one, unless `wait`.
  void lock_datasets(const std::vector<std::string>& datasets, bool wait);

  // Records a running scan (committed at once, so it can be followed) and returns its id; the
  // scan is held by `holder` until `lease_until` (the coordinator renews it: UnitQueue).
  std::int64_t begin_scan(scan::ScanMode mode, const std::vector<std::string>& datasets, const rules::RulePack& pack,
                          Instant now, scan::ScanOrigin origin, const std::string& holder, Instant lease_until);

  // A running scan as its record says, for a process that takes it over.
  struct RunningScan {
    scan::ScanMode mode = scan::ScanMode::kFull;
    std::vector<std::string> datasets;
    Instant started_at;
    scan::ScanOrigin origin = scan::ScanOrigin::kManual;
    std::string pack, pack_version;
  };
  std::optional<RunningScan> running(std::int64_t scan_id);

  // Marks the scan failed with `error` (the results were rolled back by the caller), unless
  // another process than `holder` coordinates it now.
  void fail(std::int64_t scan_id, Instant now, const std::string& error, const std::string& holder);

 private:
  std::unique_ptr<PgSession> control_;  // locks and the scan record, autocommit
};

}  // namespace jiaohe::engine::store
