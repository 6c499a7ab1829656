#pragma once
// Quality trends for the supervision reports: per successful scan, what each dataset's rules
// found (quality_scores, written by the scan). Task statistics are in task_statistics.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/store/page.hpp"

namespace jiaohe::engine::store {

// Empty strings and unset instants mean any; [from, to) bounds the scan's instant.
struct QualityFilter {
  std::string dataset, agency;
  std::optional<Instant> from, to;
};

struct RuleQuality {
  std::string rule_id;
  std::int64_t rows_checked = 0, rows_failed = 0;  // rows_failed: records with an open finding
};

struct DatasetQuality {
  std::string dataset_id, agency_code;
  std::vector<RuleQuality> rules;
};

struct ScanQuality {
  std::int64_t id = 0;  // the scan
  Instant at;
  std::vector<DatasetQuality> datasets;
};

// Successful scans that scored a dataset matching the filter, newest first; each with the
// matching datasets only.
Page<ScanQuality> quality_by_scan(const std::string& url, const QualityFilter& filter, const PageQuery& page);

// One dataset's score in one scan: rows checked (the most any rule checked), checks (rows x
// rules applied) and the checks that failed (records with an open finding of the rule).
struct QualityPoint {
  std::int64_t scan_id = 0;
  Instant at;
  std::int64_t rows_checked = 0, checks = 0, checks_failed = 0;
};
struct DatasetTrend {
  std::string dataset_id, agency_code;
  std::vector<QualityPoint> points;  // oldest first
};
// Each dataset matching `filter` (its instants ignored) over the last `scans` successful scans
// that scored it, ordered by dataset.
std::vector<DatasetTrend> quality_trend(const std::string& url, const QualityFilter& filter, int scans);

}  // namespace jiaohe::engine::store
