#pragma once
// The one transaction a scan writes its results in: the staging tables the row pass fills
// (COPY), the record identities of blank and shared keys, the normalised values conflicts
// compare, the set rules' findings (engine/store/set_rules/), then the merge into `findings`,
// quality scores and watermarks. Committed by succeed(); a failed scan changes nothing.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"

namespace jiaohe::engine::store {

class PgSession;

// COPY text of the staging tables, in the order scan::StagingBuffers fills them.
struct StagedLines {
  const std::string& findings;
  const std::string& records;
  const std::string& values;
  const std::string& keys;
  const std::string& duplicates;
};

class ScanResults {
 public:
  explicit ScanResults(const std::string& url);
  ~ScanResults();

  // Opens the transaction with its staging tables.
  void begin();
  void stage(const StagedLines& lines);
  // Copies what a unit staged (the unit_ tables) into the staging tables; returns the lines,
  // to be compared with what the unit recorded.
  std::int64_t load_unit(std::int64_t scan_id, int unit_no);
  // Marks the scan's staged units merged; returns how many were (their lines go once the scan
  // has ended: UnitQueue::drop_ended_lines).
  std::int64_t finish_units(std::int64_t scan_id);
  // Gives the rows of `dataset` whose record key is blank or shared their identity (the trimmed
  // key, '#', the occurrence) in every staging table. Call once its staging is complete.
  void assign_identities(const std::string& dataset_id);
  // Replaces the dataset's stored normalised values by what this scan staged, comparing in
  // SQL (an incremental scan: only the records it re-read).
  void refresh_canonical_values(const std::string& dataset_id, bool incremental);
  // A full scan compares in memory instead (scan::StoredValues, in the unit's row pass): the
  // stored values it did not find again (unit_gone_values) are deleted by their row address,
  // then what it staged is written.
  void replace_canonical_values(const std::string& dataset_id, std::int64_t scan_id, int unit_no);
  // Gives the planner statistics of what the set rules join (call once staging is complete).
  void analyze();

  // The session set rules run their SQL in.
  PgSession& session() { return *session_; }

  struct MergeCounts {
    std::int64_t inserted = 0, seen = 0, reopened = 0, resolved = 0;
  };
  // What a scan may resolve: rule ids by resolution (rules::Resolution).
  struct Resolvable {
    std::vector<std::string> records_read, datasets, subjects;
  };
  // Merges staged findings into `findings` and resolves, within what this scan checked, the
  // open findings it did not find again.
  MergeCounts merge(std::int64_t scan_id, Instant now, const std::vector<std::string>& datasets,
                    const Resolvable& rules, bool incremental);

  void record_quality(std::int64_t scan_id, const catalog::DatasetDef& dataset, const std::vector<std::string>& rules,
                      std::int64_t rows_total);
  std::map<std::string, std::int64_t> open_findings_by_rule(const std::string& dataset_id);
  void set_watermark(const std::string& dataset_id, const std::string& newest_update, std::int64_t scan_id);

  // Marks the scan succeeded and commits everything, if `holder` still coordinates it; else
  // (another process took it over: it merges) rolls back and returns false. The scan's row is
  // not locked before: its progress and lease are written meanwhile from other sessions.
  bool succeed(std::int64_t scan_id, const std::string& holder, Instant now, std::int64_t rows,
               const MergeCounts& counts);
  // Rolls the transaction back (findings stay as they were); never throws.
  void discard() noexcept;

 private:
  void note_written(long long rows);

  std::unique_ptr<PgSession> session_;
  long long canonical_written_ = 0;  // rows of canonical_values changed since the last analyze()
};

}  // namespace jiaohe::engine::store
