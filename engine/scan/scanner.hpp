#pragma once
// Runs a scan: one streaming pass per dataset for the row rules, the set rules as SQL, and one
// transaction that merges the findings. A scan that fails leaves findings as they were.
#include <string>

#include "engine/catalog/catalog.hpp"
#include "engine/scan/scan_types.hpp"
#include "rules/rule.hpp"

namespace jiaohe::engine::scan {

class Scanner {
 public:
  Scanner(std::string database_url, const catalog::Catalogue& catalogue, const rules::RulePack& pack);
  ScanSummary run(const ScanRequest& request, ScanObserver& observer);

 private:
  std::string url_;
  const catalog::Catalogue& catalogue_;
  const rules::RulePack& pack_;
};

}  // namespace jiaohe::engine::scan
