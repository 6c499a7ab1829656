#include "engine/store/unit_stage.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/store/pg_session.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

// As the results session (scan_results.cpp): no JIT for the bulk statements.
constexpr const char* kSessionSettings =
    "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET client_min_messages = warning; SET jit = off";
// The unit_ tables' first two columns default to these settings of the transaction.
constexpr const char* kSetUnit =
    "SELECT set_config('jiaohe.scan_id', $1, true), set_config('jiaohe.unit_no', $2, true)";
constexpr const char* kWatermark = "SELECT last_update::text FROM dataset_watermarks WHERE dataset_id = $1";
constexpr const char* kStoredValues =
    "COPY (SELECT ctid, record_key, attribute, subject_id, value FROM canonical_values WHERE dataset_id = %s) TO STDOUT";
// Only the holder stages; a lease that ran out but was not yet claimed again still counts.
constexpr const char* kStaged = R"sql(
  UPDATE scan_units SET status = 'staged', lease_until = NULL, staged_at = now(), rows_read = $4, rows_checked = $5,
                        newest_update = $6, duplicates = $7, staged_lines = $8
  WHERE scan_id = $1 AND unit_no = $2 AND holder = $3 AND status = 'running')sql";

std::int64_t lines_in(std::string_view data) { return std::count(data.begin(), data.end(), '\n'); }

}  // namespace

UnitStage::UnitStage(const std::string& url, const UnitClaim& unit, std::string holder)
    : session_(std::make_unique<PgSession>(url)), unit_(unit), holder_(std::move(holder)) {
  session_->exec(kSessionSettings);
  session_->exec("BEGIN");
  open_ = true;
  session_->query(kSetUnit, {std::to_string(unit_.scan_id), std::to_string(unit_.unit_no)});
}

UnitStage::~UnitStage() { abandon(); }

std::optional<std::string> UnitStage::watermark(const std::string& dataset_id) {
  auto rows = session_->query(kWatermark, {dataset_id});
  if (rows.empty()) return std::nullopt;
  return rows[0][0];
}

void UnitStage::read_canonical_values(const std::string& dataset_id,
                                      const std::function<void(std::string_view)>& on_line) {
  char sql[256];
  std::snprintf(sql, sizeof sql, kStoredValues, session_->quote_literal(dataset_id).c_str());
  session_->copy_out(sql, on_line);
}

void UnitStage::stage(const StagedLines& lines) {
  const std::pair<const char*, const std::string*> tables[] = {
      {"COPY unit_findings (rule_id, rule_version, kind, severity, dataset_id, agency_code, record_key, subject_id, "
       "attribute, evidence, row_no) FROM STDIN",
       &lines.findings},
      {"COPY unit_records (dataset_id, record_key, subject_id, row_no) FROM STDIN", &lines.records},
      {"COPY unit_values (dataset_id, attribute, record_key, subject_id, value, row_no) FROM STDIN", &lines.values},
      {"COPY unit_keys (dataset_id, attribute, record_key, subject_id, value, valid, row_no) FROM STDIN", &lines.keys},
      {"COPY unit_duplicates (dataset_id, row_no, record_key, key_form, subject_id, subject_raw, update_raw) "
       "FROM STDIN",
       &lines.duplicates}};
  for (const auto& [copy, data] : tables)
    if (!data->empty()) {
      session_->copy_in(copy, *data);
      lines_ += lines_in(*data);
    }
}

void UnitStage::stage_gone(const std::vector<std::string>& ctids) {
  if (ctids.empty()) return;
  std::string data;
  for (const auto& t : ctids) data.append(t).push_back('\n');
  session_->copy_in("COPY unit_gone_values (value_ctid) FROM STDIN", data);
  lines_ += static_cast<std::int64_t>(ctids.size());
}

bool UnitStage::commit(UnitResult result) {
  result.staged_lines = lines_;
  const auto staged = session_->command(
      kStaged, {std::to_string(unit_.scan_id), std::to_string(unit_.unit_no), holder_, std::to_string(result.rows_read),
                std::to_string(result.rows_checked), result.newest_update, result.duplicates ? "true" : "false",
                std::to_string(result.staged_lines)});
  if (staged != 1) {
    abandon();
    return false;
  }
  session_->exec("COMMIT");
  open_ = false;
  return true;
}

void UnitStage::abandon() noexcept {
  if (!open_) return;
  open_ = false;
  try {
    session_->exec("ROLLBACK");
  } catch (...) {
    // The connection is gone: nothing was committed.
  }
}

}  // namespace jiaohe::engine::store
