#include "engine/store/scan_results.hpp"

#include "engine/store/pg_session.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

// The staging tables hold millions of rows: they stay in memory (temp_buffers, set before the
// first temporary table) and the set rules' hash joins and aggregates do not spill to disk.
// No JIT: compiling each big statement cost more than it saved (seconds on a loaded machine).
constexpr const char* kSessionSettings =
    "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET client_min_messages = warning; "
    "SET temp_buffers = '512MB'; SET work_mem = '256MB'; SET jit = off";
// row_no numbers a dataset's rows in the order the scan read them; it links a row's staged
// lines until assign_identities() has named the rows whose record key is blank or shared.
constexpr const char* kStagingTables = R"sql(
  CREATE TEMP TABLE scan_findings (rule_id text, rule_version int, kind text, severity text, dataset_id text,
                                   agency_code text, record_key text, subject_id text, attribute text,
                                   evidence jsonb, row_no bigint) ON COMMIT DROP;
  CREATE TEMP TABLE scan_records (dataset_id text, record_key text, subject_id text, row_no bigint) ON COMMIT DROP;
  CREATE TEMP TABLE scan_values (dataset_id text, attribute text, record_key text, subject_id text,
                                 value text, row_no bigint) ON COMMIT DROP;
  CREATE TEMP TABLE scan_keys (dataset_id text, attribute text, record_key text, subject_id text, value text,
                               valid boolean, row_no bigint) ON COMMIT DROP;
  CREATE TEMP TABLE scan_duplicates (dataset_id text, row_no bigint, record_key text, key_form text,
                                     subject_id text, subject_raw text, update_raw text) ON COMMIT DROP;
  CREATE TEMP TABLE scan_identities (dataset_id text, row_no bigint, record_key text, subject_id text,
                                     shared_by bigint, key_form text) ON COMMIT DROP;)sql";
// Within a group of rows whose key forms are equal (or blank), the occurrence follows the
// trimmed key, the subject key and the last update as stored (byte order), then the order of
// reading: the same rows get the same identities in the next scan.
constexpr const char* kIdentities = R"sql(
  INSERT INTO scan_identities
  SELECT dataset_id, row_no,
         record_key || '#' || row_number() OVER (PARTITION BY key_form
           ORDER BY record_key COLLATE "C", subject_raw COLLATE "C" NULLS FIRST, update_raw COLLATE "C" NULLS FIRST,
                    row_no),
         subject_id, shared_by, key_form
  FROM (SELECT d.*, count(*) OVER (PARTITION BY key_form) AS shared_by FROM scan_duplicates d WHERE dataset_id = $1) d
  WHERE shared_by > 1 OR key_form = '')sql";
constexpr const char* kRenameIn[] = {
    "UPDATE scan_findings s SET record_key = i.record_key FROM scan_identities i "
    "WHERE i.dataset_id = $1 AND s.dataset_id = $1 AND s.row_no = i.row_no",
    "UPDATE scan_records s SET record_key = i.record_key FROM scan_identities i "
    "WHERE i.dataset_id = $1 AND s.dataset_id = $1 AND s.row_no = i.row_no",
    "UPDATE scan_values s SET record_key = i.record_key FROM scan_identities i "
    "WHERE i.dataset_id = $1 AND s.dataset_id = $1 AND s.row_no = i.row_no",
    "UPDATE scan_keys s SET record_key = i.record_key FROM scan_identities i "
    "WHERE i.dataset_id = $1 AND s.dataset_id = $1 AND s.row_no = i.row_no",
};
// Only what changed is written: a nightly scan of an unchanged table rewrites nothing. An
// incremental scan limits itself to the records it re-read ($2).
constexpr const char* kDeleteChangedValues = R"sql(
  DELETE FROM canonical_values c
  WHERE c.dataset_id = $1
    AND (NOT $2::boolean OR c.record_key IN (SELECT record_key FROM scan_records WHERE dataset_id = $1))
    AND NOT EXISTS (SELECT 1 FROM scan_values s
                    WHERE s.dataset_id = $1 AND s.record_key = c.record_key AND s.attribute = c.attribute
                      AND s.subject_id = c.subject_id AND s.value = c.value))sql";
// New or changed values are collected first and inserted second: an INSERT that anti-joins
// its own target table can be planned as a nested loop over a table it is growing. DISTINCT ON:
// two rows can never claim one record's value (identities are unique; this makes sure).
constexpr const char* kCollectNewValues = R"sql(
  CREATE TEMP TABLE scan_new_values ON COMMIT DROP AS
  SELECT DISTINCT ON (s.record_key, s.attribute) s.dataset_id, s.attribute, s.record_key, s.subject_id, s.value
  FROM scan_values s
  WHERE s.dataset_id = $1
    AND NOT EXISTS (SELECT 1 FROM canonical_values c
                    WHERE c.dataset_id = $1 AND c.record_key = s.record_key AND c.attribute = s.attribute)
  ORDER BY s.record_key, s.attribute, s.row_no)sql";
constexpr const char* kInsertNewValues = R"sql(
  INSERT INTO canonical_values (dataset_id, attribute, record_key, subject_id, value)
  SELECT dataset_id, attribute, record_key, subject_id, value FROM scan_new_values)sql";
constexpr const char* kDropNewValues = "DROP TABLE IF EXISTS scan_new_values";
// Temporary tables are never analysed automatically; without statistics the planner picks
// nested loops over millions of rows. Each statement below names only the tables whose
// contents changed since their last ANALYZE and that the next statements join.
constexpr const char* kAnalyzeIdentities = "ANALYZE scan_identities";
constexpr const char* kAnalyzeValues = "ANALYZE scan_values";
constexpr const char* kAnalyzeCanonical = "ANALYZE canonical_values";
constexpr const char* kAnalyzeSetRuleInputs = "ANALYZE scan_keys, scan_identities, scan_records";
// A full scan's values: the stored ones it did not find again go by row address, then what it
// staged (new or changed values) is written.
constexpr const char* kDeleteGoneValues = R"sql(
  DELETE FROM canonical_values WHERE dataset_id = $1
    AND ctid IN (SELECT value_ctid FROM unit_gone_values WHERE scan_id = $2 AND unit_no = $3))sql";
constexpr const char* kWriteStagedValues = R"sql(
  INSERT INTO canonical_values (dataset_id, attribute, record_key, subject_id, value)
  SELECT DISTINCT ON (record_key, attribute) dataset_id, attribute, record_key, subject_id, value
  FROM scan_values WHERE dataset_id = $1
  ORDER BY record_key, attribute, row_no
  ON CONFLICT (dataset_id, record_key, attribute) DO UPDATE SET subject_id = EXCLUDED.subject_id, value = EXCLUDED.value)sql";
// Above this many rows written in this transaction, canonical_values gets fresh statistics
// before the conflicts join it (its first filling, or a day of many changes).
constexpr long long kReanalyzeRows = 100000;

// What units staged, into this transaction's staging tables (the columns of each pair match).
constexpr const char* kLoadUnit[] = {
    "INSERT INTO scan_findings SELECT rule_id, rule_version, kind, severity, dataset_id, agency_code, record_key, "
    "subject_id, attribute, evidence, row_no FROM unit_findings WHERE scan_id = $1 AND unit_no = $2",
    "INSERT INTO scan_records SELECT dataset_id, record_key, subject_id, row_no FROM unit_records "
    "WHERE scan_id = $1 AND unit_no = $2",
    "INSERT INTO scan_values SELECT dataset_id, attribute, record_key, subject_id, value, row_no FROM unit_values "
    "WHERE scan_id = $1 AND unit_no = $2",
    "INSERT INTO scan_keys SELECT dataset_id, attribute, record_key, subject_id, value, valid, row_no FROM unit_keys "
    "WHERE scan_id = $1 AND unit_no = $2",
    "INSERT INTO scan_duplicates SELECT dataset_id, row_no, record_key, key_form, subject_id, subject_raw, update_raw "
    "FROM unit_duplicates WHERE scan_id = $1 AND unit_no = $2",
};
constexpr const char* kCountGone = "SELECT count(*) FROM unit_gone_values WHERE scan_id = $1 AND unit_no = $2";
constexpr const char* kMergeUnits = R"sql(
  UPDATE scan_units SET status = 'merged', merged_at = now() WHERE scan_id = $1 AND status = 'staged')sql";

// Every staged finding gets its fingerprint here, in one place: rule, dataset, record and
// attribute joined by the unit separator.
constexpr const char* kMergeStage = R"sql(
  CREATE TEMP TABLE scan_merged ON COMMIT DROP AS
  SELECT DISTINCT ON (fingerprint) *
  FROM (SELECT encode(sha256(convert_to(rule_id || chr(31) || dataset_id || chr(31) || record_key || chr(31) ||
                                        attribute, 'UTF8')), 'hex') AS fingerprint, s.*
        FROM scan_findings s) f
  ORDER BY fingerprint)sql";
constexpr const char* kCountReopened =
    "SELECT count(*) FROM findings f JOIN scan_merged m USING (fingerprint) WHERE f.status = 'resolved'";
constexpr const char* kUpsertFindings = R"sql(
  WITH up AS (
    INSERT INTO findings (fingerprint, rule_id, rule_version, kind, severity, dataset_id, agency_code, record_key,
                          subject_id, attribute, status, evidence, first_seen_scan, last_seen_scan,
                          first_seen_at, last_seen_at)
    SELECT fingerprint, rule_id, rule_version, kind, severity, dataset_id, agency_code, record_key, subject_id,
           attribute, 'open', evidence, $1, $1, $2::timestamptz, $2::timestamptz
    FROM scan_merged
    ON CONFLICT (fingerprint) DO UPDATE SET
      rule_version = EXCLUDED.rule_version, severity = EXCLUDED.severity, subject_id = EXCLUDED.subject_id,
      evidence = EXCLUDED.evidence, last_seen_scan = EXCLUDED.last_seen_scan, last_seen_at = EXCLUDED.last_seen_at,
      status = 'open', resolved_scan = NULL, resolved_at = NULL,
      times_reopened = findings.times_reopened + CASE WHEN findings.status = 'resolved' THEN 1 ELSE 0 END
    RETURNING (xmax = 0) AS inserted)
  SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up)sql";
// Resolution: within what this scan checked, open findings it did not see again.
constexpr const char* kResolveRecordsRead = R"sql(
  UPDATE findings f SET status = 'resolved', resolved_scan = $1, resolved_at = $2::timestamptz
  WHERE f.status = 'open' AND f.last_seen_scan <> $1 AND f.dataset_id = ANY($3::text[]) AND f.rule_id = ANY($4::text[])
    AND (NOT $5::boolean OR EXISTS (SELECT 1 FROM scan_records r
                                    WHERE r.dataset_id = f.dataset_id AND r.record_key = f.record_key)))sql";
constexpr const char* kResolveDatasets = R"sql(
  UPDATE findings f SET status = 'resolved', resolved_scan = $1, resolved_at = $2::timestamptz
  WHERE f.status = 'open' AND f.last_seen_scan <> $1 AND f.dataset_id = ANY($3::text[]) AND f.rule_id = ANY($4::text[]))sql";
constexpr const char* kResolveSubjects = R"sql(
  UPDATE findings f SET status = 'resolved', resolved_scan = $1, resolved_at = $2::timestamptz
  WHERE f.status = 'open' AND f.last_seen_scan <> $1 AND f.rule_id = ANY($3::text[])
    AND (NOT $4::boolean OR f.subject_id IN (SELECT subject_id FROM scan_records WHERE subject_id IS NOT NULL)))sql";
constexpr const char* kRecordQuality = R"sql(
  INSERT INTO quality_scores (scan_id, dataset_id, agency_code, rule_id, rows_checked, rows_failed)
  SELECT $1, $2, $3, r.rule_id, $4, count(DISTINCT f.record_key)
  FROM unnest($5::text[]) AS r(rule_id)
  LEFT JOIN findings f ON f.dataset_id = $2 AND f.rule_id = r.rule_id AND f.status = 'open'
  GROUP BY r.rule_id)sql";
constexpr const char* kOpenByRule =
    "SELECT rule_id, count(*) FROM findings WHERE dataset_id = $1 AND status = 'open' GROUP BY rule_id";
constexpr const char* kSetWatermark = R"sql(
  INSERT INTO dataset_watermarks (dataset_id, last_update, scan_id) VALUES ($1, $2::timestamptz, $3)
  ON CONFLICT (dataset_id) DO UPDATE SET last_update = greatest(dataset_watermarks.last_update, EXCLUDED.last_update),
                                         scan_id = EXCLUDED.scan_id)sql";
constexpr const char* kSucceed = R"sql(
  UPDATE scans SET status = 'succeeded', finished_at = $2::timestamptz, rows_scanned = $3, findings_new = $4,
                   findings_seen = $5, findings_resolved = $6, findings_reopened = $7
  WHERE id = $1 AND holder = $8 AND status = 'running')sql";

std::int64_t as_int(const std::optional<std::string>& v) { return v ? std::stoll(*v) : 0; }

}  // namespace

ScanResults::ScanResults(const std::string& url) : session_(std::make_unique<PgSession>(url)) {
  session_->exec(kSessionSettings);
}

ScanResults::~ScanResults() = default;

void ScanResults::begin() {
  session_->exec("BEGIN");
  session_->exec(kStagingTables);
}

std::int64_t ScanResults::load_unit(std::int64_t scan_id, int unit_no) {
  const std::vector<std::optional<std::string>> unit{std::to_string(scan_id), std::to_string(unit_no)};
  std::int64_t lines = 0;
  for (const char* load : kLoadUnit) lines += session_->command(load, unit);
  return lines + as_int(session_->query(kCountGone, unit).at(0).at(0));
}

std::int64_t ScanResults::finish_units(std::int64_t scan_id) {
  return session_->command(kMergeUnits, {std::to_string(scan_id)});
}

void ScanResults::stage(const StagedLines& lines) {
  const std::pair<const char*, const std::string*> tables[] = {
      {"COPY scan_findings FROM STDIN", &lines.findings}, {"COPY scan_records FROM STDIN", &lines.records},
      {"COPY scan_values FROM STDIN", &lines.values},     {"COPY scan_keys FROM STDIN", &lines.keys},
      {"COPY scan_duplicates FROM STDIN", &lines.duplicates}};
  for (const auto& [copy, data] : tables)
    if (!data->empty()) session_->copy_in(copy, *data);
}

void ScanResults::assign_identities(const std::string& dataset_id) {
  session_->command(kIdentities, {dataset_id});
  // Statistics first: without them the planner takes the identities for many and the staging
  // tables for tiny, and joins them by nested loops over millions of rows.
  session_->exec(kAnalyzeIdentities);
  for (const char* rename : kRenameIn) session_->command(rename, {dataset_id});
}

void ScanResults::refresh_canonical_values(const std::string& dataset_id, bool incremental) {
  session_->exec(kAnalyzeValues);
  session_->command(kDeleteChangedValues, {dataset_id, incremental ? "true" : "false"});
  session_->exec(kDropNewValues);
  session_->command(kCollectNewValues, {dataset_id});
  note_written(session_->command(kInsertNewValues));
}

void ScanResults::replace_canonical_values(const std::string& dataset_id, std::int64_t scan_id, int unit_no) {
  note_written(session_->command(kDeleteGoneValues, {dataset_id, std::to_string(scan_id), std::to_string(unit_no)}));
  note_written(session_->command(kWriteStagedValues, {dataset_id}));
}

void ScanResults::note_written(long long rows) { canonical_written_ += rows; }

void ScanResults::analyze() {
  session_->exec(kAnalyzeSetRuleInputs);
  if (canonical_written_ > kReanalyzeRows) session_->exec(kAnalyzeCanonical);
  canonical_written_ = 0;
}

ScanResults::MergeCounts ScanResults::merge(std::int64_t scan_id, Instant now, const std::vector<std::string>& datasets,
                                            const Resolvable& rules, bool incremental) {
  PgSession& s = *session_;
  MergeCounts c;
  const std::string id = std::to_string(scan_id), at = to_pg_timestamp(now);
  s.exec(kMergeStage);
  c.reopened = as_int(s.query(kCountReopened).at(0).at(0));
  auto up = s.query(kUpsertFindings, {id, at});
  c.inserted = as_int(up.at(0).at(0));
  c.seen = as_int(up.at(0).at(1));
  const std::string inc = incremental ? "true" : "false", ids = pg_array_literal(datasets);
  c.resolved += s.command(kResolveRecordsRead, {id, at, ids, pg_array_literal(rules.records_read), inc});
  c.resolved += s.command(kResolveDatasets, {id, at, ids, pg_array_literal(rules.datasets)});
  c.resolved += s.command(kResolveSubjects, {id, at, pg_array_literal(rules.subjects), inc});
  return c;
}

void ScanResults::record_quality(std::int64_t scan_id, const catalog::DatasetDef& dataset,
                                 const std::vector<std::string>& rules, std::int64_t rows_total) {
  session_->command(kRecordQuality, {std::to_string(scan_id), dataset.id, dataset.agency.code,
                                     std::to_string(rows_total), pg_array_literal(rules)});
}

std::map<std::string, std::int64_t> ScanResults::open_findings_by_rule(const std::string& dataset_id) {
  std::map<std::string, std::int64_t> out;
  for (const auto& row : session_->query(kOpenByRule, {dataset_id})) out[*row[0]] = as_int(row[1]);
  return out;
}

void ScanResults::set_watermark(const std::string& dataset_id, const std::string& newest_update, std::int64_t scan_id) {
  session_->command(kSetWatermark, {dataset_id, newest_update, std::to_string(scan_id)});
}

bool ScanResults::succeed(std::int64_t scan_id, const std::string& holder, Instant now, std::int64_t rows,
                          const MergeCounts& c) {
  const auto marked = session_->command(
      kSucceed, {std::to_string(scan_id), to_pg_timestamp(now), std::to_string(rows), std::to_string(c.inserted),
                 std::to_string(c.seen), std::to_string(c.resolved), std::to_string(c.reopened), holder});
  if (marked != 1) {
    discard();
    return false;
  }
  session_->exec("COMMIT");
  return true;
}

void ScanResults::discard() noexcept {
  try {
    session_->exec("ROLLBACK");
  } catch (...) {
    // No transaction was open, or the connection is gone: either way nothing was committed.
  }
}

}  // namespace jiaohe::engine::store
