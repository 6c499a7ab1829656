#pragma once
// The row pass's inner loop for one dataset: takes each row as a COPY text line, builds the
// canonical attribute values once (value map, normaliser), runs every row check of the plan,
// and appends what must be stored to COPY-format staging buffers. Pure: no I/O.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scan/dataset_plan.hpp"

namespace jiaohe::engine::scan {

// COPY text lines for the staging tables (see engine/store/scan_store.cpp for the columns).
struct StagingBuffers {
  std::string findings;  // scan_findings
  std::string records;   // scan_records: rows the pass read (incremental scans)
  std::string values;    // scan_values: normalised values of conflict attributes
  std::int64_t findings_count = 0;

  std::size_t bytes() const { return findings.size() + records.size() + values.size(); }
  void clear() {
    findings.clear();
    records.clear();
    values.clear();
  }
};

class RowEvaluator {
 public:
  RowEvaluator(const DatasetPlan& plan, rules::normalize::NormalizeContext context, bool keep_records);

  // One row: record key, then the plan's columns in order.
  void evaluate(std::string_view copy_line, StagingBuffers& out);

  // Appends one finding line (also used for set-rule findings computed elsewhere).
  static void append_finding(StagingBuffers& out, const rules::RuleDef& rule, const catalog::DatasetDef& dataset,
                             std::string_view record_key, const std::string* subject_id, std::string_view attribute,
                             const std::string& evidence_json);

 private:
  const DatasetPlan& plan_;
  rules::normalize::NormalizeContext context_;
  bool keep_records_;
  // Reused per row so the loop does not allocate for them.
  std::string scratch_;
  std::vector<std::optional<std::string_view>> fields_;
  std::vector<rules::kinds::FieldValue> values_;
  std::vector<rules::normalize::NormalizeResult> normalized_;
  std::vector<rules::kinds::RowDefect> defects_;
};

}  // namespace jiaohe::engine::scan
