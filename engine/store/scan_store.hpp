#pragma once
// The database side of a scan: locks, the scan record, streaming a dataset's rows out, staging
// what the row pass found, the set rules as SQL, and the one transaction that merges findings,
// resolves what is no longer found and records quality scores. All SQL of scans lives here.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"
#include "engine/scan/scan_types.hpp"

namespace jiaohe::engine::store {

class PgSession;

class ScanStore {
 public:
  ScanStore(const std::string& url, const catalog::Catalogue& catalogue);
  ~ScanStore();

  // Advisory locks on the datasets, held until this object goes away. Refuses (ScanBusy)
  // when another scan holds one, unless `wait`.
  void lock_datasets(const std::vector<std::string>& datasets, bool wait);

  // Records a running scan (committed at once, so it can be followed) and returns its id.
  std::int64_t begin_scan(scan::ScanMode mode, const std::vector<std::string>& datasets, const rules::RulePack& pack,
                          Instant now);
  // Opens the transaction that all results of the scan are written in, with its staging tables.
  void begin_results();

  // The dataset's watermark (newest last update of the last successful scan), if any.
  std::optional<std::string> watermark(const std::string& dataset_id);
  std::int64_t estimate_rows(const catalog::DatasetDef& dataset);

  // Streams the dataset's rows (record key, then `columns`) in one consistent snapshot; only
  // rows updated after `since` when given. Returns the newest last update it saw (for the
  // watermark) and the table's row count in that snapshot.
  struct ReadResult {
    std::optional<std::string> newest_update;
    std::int64_t rows_total = 0;
  };
  ReadResult read_rows(const catalog::DatasetDef& dataset, const std::vector<std::string>& columns,
                       const std::optional<std::string>& since, const std::function<void(std::string_view)>& on_line);

  // COPY staged lines (see scan::StagingBuffers) into the result transaction.
  void stage(const std::string& findings, const std::string& records, const std::string& values);

  // Gives the planner statistics of the staging tables (call once staging is complete).
  void analyze_staging();
  // Replaces the dataset's stored normalised values by what this scan read.
  void refresh_canonical_values(const std::string& dataset_id, bool incremental);

  // Runs one set rule for a dataset (or, for conflicts, across datasets) into the staging table.
  void run_set_rule(const rules::RuleDef& rule, const catalog::DatasetDef* dataset, Instant now, bool incremental);

  struct MergeCounts {
    std::int64_t inserted = 0, seen = 0, reopened = 0, resolved = 0;
  };
  // Merges staged findings into `findings` and resolves, within what this scan checked, the
  // open findings it did not find again.
  MergeCounts merge_findings(std::int64_t scan_id, Instant now, const std::vector<std::string>& datasets,
                             const std::vector<std::string>& row_rules, const std::vector<std::string>& set_rules,
                             const std::vector<std::string>& conflict_rules, bool incremental);

  void record_quality(std::int64_t scan_id, const catalog::DatasetDef& dataset, const std::vector<std::string>& rules,
                      std::int64_t rows_total);
  std::map<std::string, std::int64_t> open_findings_by_rule(const std::string& dataset_id);
  void set_watermark(const std::string& dataset_id, const std::string& newest_update, std::int64_t scan_id);

  // Commits the results and marks the scan succeeded.
  void succeed(std::int64_t scan_id, Instant now, std::int64_t rows, const MergeCounts& counts);
  // Rolls the results transaction back without recording anything (benchmarks, dry runs).
  void discard_results();
  // Rolls the results back (findings stay as they were) and marks the scan failed.
  void fail(std::int64_t scan_id, Instant now, const std::string& error);

 private:
  const catalog::Catalogue& catalogue_;
  std::string url_;
  std::unique_ptr<PgSession> control_;  // locks and the scan record, autocommit
  std::unique_ptr<PgSession> results_;  // the one results transaction
  std::unique_ptr<PgSession> reader_;   // COPY out, one snapshot per dataset
  std::map<std::string, std::unique_ptr<PgSession>> remote_;  // datasets in separate platform databases

  // Where a dataset's table lives: Jiaohe's database or its own database_url.
  PgSession& source(const catalog::DatasetDef& dataset);
};

// Timestamps as PostgreSQL text in UTC, for parameters.
std::string to_pg_timestamp(Instant t);

}  // namespace jiaohe::engine::store
