#pragma once
// Does units of scans (docs/SCALE.md): claims one from the queue (store/unit_queue.hpp), plans
// the scan it belongs to as its coordinator did (scan_plan.hpp), runs the dataset's row pass
// (the one normalisation, the row checks, what the set rules need staged) and commits the
// staged lines with the unit's result under its lease. The scan's own process runs one or more
// of these on its units; `jiaohe worker` runs one on the units of every scan of its pack.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "engine/scan/scan_types.hpp"
#include "engine/store/unit_queue.hpp"
#include "rules/rule.hpp"

namespace jiaohe::engine::scan {

class UnitWorker {
 public:
  UnitWorker(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack,
             const Clock& clock, std::chrono::seconds lease = kDefaultLease,
             std::string holder = store::lease_holder_name());

  enum class Outcome {
    kNothing,  // no unit could be claimed
    kStaged,   // a unit was done and its lines committed
    kLost,     // its lease was lost to another worker (nothing committed; the other does it)
    kFailed,   // the unit could not be done: recorded on the unit, the scan will fail
  };
  // Claims one unit (of `only_scan` if given, else of any scan of this pack) and does it. The
  // observer hears of the dataset's reading. Errors of the unit itself are recorded on it
  // (kFailed); only a failure to reach the queue throws.
  Outcome work_one(std::optional<std::int64_t> only_scan, ScanObserver& observer);

  const std::string& holder() const { return holder_; }

 private:
  const DatasetPlan& plan_for(const store::UnitClaim& unit);

  std::string url_;
  const catalog::Catalogue& catalogue_;
  const rules::RulePack& pack_;
  const Clock& clock_;
  std::chrono::seconds lease_;
  std::string holder_;
  store::UnitQueue queue_;
  std::int64_t planned_scan_ = 0;  // the scan plans_ are of
  std::vector<DatasetPlan> plans_;
};

}  // namespace jiaohe::engine::scan
