#pragma once
// A scan's inner loop for one dataset: takes each row as a COPY text line (record key, the
// plan's columns, the update column), builds the canonical attribute values once (the one
// normalisation), runs the row checks and the staleness rules, and appends what must be
// stored to COPY-format staging buffers. It also keeps what gives every row an identity when
// record keys are blank or shared (docs/CATALOGUE.md, "Record identity"). Pure: no I/O.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scan/dataset_plan.hpp"
#include "rules/normalize/canonical_value.hpp"

namespace jiaohe::engine::scan {

class StoredValues;

// COPY text lines for the staging tables (engine/store/scan_results.cpp has their columns).
struct StagingBuffers {
  std::string findings;  // scan_findings
  std::string records;   // scan_records: rows the row pass read (incremental scans)
  std::string values;    // scan_values: normalised values of conflict attributes
  std::string keys;      // scan_keys: comparison keys for unique_key and referential
  std::string duplicates;  // scan_duplicates: rows whose record key is blank or shared
  std::int64_t findings_count = 0;

  std::size_t bytes() const { return findings.size() + records.size() + values.size() + keys.size() + duplicates.size(); }
  void clear();
};

class RowEvaluator {
 public:
  enum class Pass {
    kRows,  // every rule of the plan (the row pass)
    kKeys,  // comparison keys and staleness only (rows an incremental scan does not re-check)
  };

  // `today` is the scan's date in Shanghai (a citizen number's birth date cannot be after it).
  RowEvaluator(const DatasetPlan& plan, bool keep_records, std::chrono::year_month_day today = {});

  // Full scans: the values stored by the last scan; unchanged ones are not staged again.
  void use_stored(StoredValues* stored) { stored_ = stored; }

  void evaluate(std::string_view copy_line, Pass pass, StagingBuffers& out);

  // After every read of the dataset: whether some record keys were blank or shared. Then the
  // scan reads the same rows again, in the same order, through stage_duplicate().
  bool found_duplicate_keys();
  void stage_duplicate(std::string_view copy_line, StagingBuffers& out);

  // The dataset_staleness findings, once every row was read.
  void finish(StagingBuffers& out);

  std::int64_t rows() const { return rows_; }            // every row read
  std::int64_t rows_checked() const { return checked_; }  // rows the row checks ran on
  // The newest last update read, as PostgreSQL text in UTC (the watermark), if any parsed.
  std::optional<std::string> newest_update() const;

  static void append_finding(StagingBuffers& out, const rules::RuleDef& rule, const catalog::DatasetDef& dataset,
                             std::string_view record_key, const std::string_view* subject_id,
                             std::string_view attribute, const std::string& evidence_json, std::int64_t row_no);

 private:
  bool split(std::string_view line);
  void stage_values(std::string_view key, const std::string_view* subject, std::int64_t row_no, StoredValues* stored,
                    StagingBuffers& out);
  void count_exposures();
  std::uint64_t record_key_hash(std::string_view key);

  const DatasetPlan& plan_;
  bool keep_records_;
  StoredValues* stored_ = nullptr;
  std::vector<rules::normalize::ValueCanonicalizer> canonicalizers_;
  std::int64_t rows_ = 0, checked_ = 0, row_no_ = 0;
  std::optional<std::chrono::sys_seconds> newest_;
  std::vector<std::uint64_t> key_hashes_;  // of every row's record key form
  std::vector<std::uint64_t> duplicated_;  // sorted: key forms seen more than once
  std::chrono::year_month_day today_;
  // Per plan exposure field, per identifier kind: rows holding one (personal_data_exposure).
  std::vector<std::array<std::int64_t, 3>> exposures_;
  bool blank_keys_ = false;
  // Reused per row so the loop does not allocate for them.
  std::string scratch_, key_form_;
  std::vector<std::optional<std::string_view>> fields_;
  std::vector<rules::kinds::FieldValue> values_;
  std::vector<rules::kinds::RowDefect> defects_;
};

}  // namespace jiaohe::engine::scan
