#pragma once
// Runs a scan as its coordinator: locks its datasets, records it, plans it and splits it into
// units (one per dataset read) that workers do, here (ScanRequest::workers) and in any
// `jiaohe worker` on the database; once every unit is staged, the set rules run as SQL and one
// transaction merges the findings, only if this process still holds the scan's lease. A scan
// that fails leaves findings as they were. docs/SCALE.md tells how the units spread.
#include <string>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/scan_types.hpp"
#include "rules/rule.hpp"

namespace jiaohe::engine::scan {

class Scanner {
 public:
  Scanner(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack);
  ScanSummary run(const ScanRequest& request, ScanObserver& observer);

  // Takes over a running scan whose coordinator went away (its lease ran out): its units not
  // yet staged, then the merge. `request` gives the workers, lease and clock; the mode,
  // datasets and instant are the scan's own. Throws ScanError when another process took it
  // over first, ScanBusy when another scan holds one of its datasets meanwhile.
  ScanSummary resume(std::int64_t scan_id, const ScanRequest& request, ScanObserver& observer);

 private:
  struct Coordination;
  ScanSummary coordinate(Coordination& c, ScanObserver& observer);

  std::string url_;
  const catalog::Catalogue& catalogue_;
  const rules::RulePack& pack_;
};

}  // namespace jiaohe::engine::scan
