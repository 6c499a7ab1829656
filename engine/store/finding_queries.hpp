#pragma once
// Reading findings for the API: a filtered page (newest first) and one finding with its
// evidence. Findings are written only by a scan (ScanStore::merge_findings).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/store/page.hpp"

namespace jiaohe::engine::store {

// Each set member narrows the list; empty (0 for scan) means any.
struct FindingFilter {
  std::string dataset, rule, status, agency;
  std::string subject_id;  // normalised
  std::int64_t scan = 0;   // findings first found by this scan
};

struct FindingRecord {
  std::int64_t id = 0;
  std::string rule_id;
  int rule_version = 0;
  std::string kind, severity, dataset_id, agency_code, record_key, subject_id, attribute, status;
  std::int64_t first_seen_scan = 0, last_seen_scan = 0;
  std::optional<std::int64_t> resolved_scan;
  Instant first_seen_at, last_seen_at;
  std::optional<Instant> resolved_at;
  int times_reopened = 0;
  nlohmann::json evidence;  // find_finding only (null in lists)
};

Page<FindingRecord> list_findings(const std::string& url, const FindingFilter& filter, const PageQuery& page);
std::optional<FindingRecord> find_finding(const std::string& url, std::int64_t id);

}  // namespace jiaohe::engine::store
