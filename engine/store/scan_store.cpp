#include "engine/store/scan_store.hpp"

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "engine/store/pg_session.hpp"

namespace jiaohe::engine::store {
namespace {

using Params = std::vector<std::optional<std::string>>;

constexpr const char* kSessionSettings = "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET client_min_messages = warning";
constexpr const char* kTryLock = "SELECT pg_try_advisory_lock(hashtext('jiaohe.scan'), hashtext($1))";
constexpr const char* kWaitLock = "SELECT pg_advisory_lock(hashtext('jiaohe.scan'), hashtext($1))";
constexpr const char* kInsertScan =
    "INSERT INTO scans (mode, status, started_at, datasets, pack, pack_version, rule_versions) "
    "VALUES ($1, 'running', $2::timestamptz, $3::text[], $4, $5, $6::jsonb) RETURNING id";
constexpr const char* kStagingTables = R"sql(
  CREATE TEMP TABLE scan_findings (rule_id text, rule_version int, kind text, severity text, dataset_id text,
                                   agency_code text, record_key text, subject_id text, attribute text,
                                   evidence jsonb) ON COMMIT DROP;
  CREATE TEMP TABLE scan_records (dataset_id text, record_key text, subject_id text) ON COMMIT DROP;
  CREATE TEMP TABLE scan_values (dataset_id text, attribute text, record_key text, subject_id text,
                                 value text) ON COMMIT DROP;)sql";
constexpr const char* kWatermark = "SELECT last_update::text FROM dataset_watermarks WHERE dataset_id = $1";
constexpr const char* kEstimate =
    "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass($1)";
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
// its own target table can be planned as a nested loop over a table it is growing.
constexpr const char* kCollectNewValues = R"sql(
  CREATE TEMP TABLE scan_new_values ON COMMIT DROP AS
  SELECT s.dataset_id, s.attribute, s.record_key, s.subject_id, s.value FROM scan_values s
  WHERE s.dataset_id = $1
    AND NOT EXISTS (SELECT 1 FROM canonical_values c
                    WHERE c.dataset_id = $1 AND c.record_key = s.record_key AND c.attribute = s.attribute))sql";
constexpr const char* kInsertNewValues = R"sql(
  INSERT INTO canonical_values (dataset_id, attribute, record_key, subject_id, value)
  SELECT dataset_id, attribute, record_key, subject_id, value FROM scan_new_values)sql";
constexpr const char* kDropNewValues = "DROP TABLE IF EXISTS scan_new_values";
// Temporary tables are never analysed automatically; without statistics the planner picks
// nested loops over millions of rows. canonical_values too: this transaction may have just
// filled it for an earlier dataset.
constexpr const char* kAnalyzeStaging = "ANALYZE scan_findings, scan_records, scan_values, canonical_values";

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
constexpr const char* kResolveRowRules = R"sql(
  UPDATE findings f SET status = 'resolved', resolved_scan = $1, resolved_at = $2::timestamptz
  WHERE f.status = 'open' AND f.last_seen_scan <> $1 AND f.dataset_id = ANY($3::text[]) AND f.rule_id = ANY($4::text[])
    AND (NOT $5::boolean OR EXISTS (SELECT 1 FROM scan_records r
                                    WHERE r.dataset_id = f.dataset_id AND r.record_key = f.record_key)))sql";
constexpr const char* kResolveSetRules = R"sql(
  UPDATE findings f SET status = 'resolved', resolved_scan = $1, resolved_at = $2::timestamptz
  WHERE f.status = 'open' AND f.last_seen_scan <> $1 AND f.dataset_id = ANY($3::text[]) AND f.rule_id = ANY($4::text[]))sql";
constexpr const char* kResolveConflicts = R"sql(
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
  WHERE id = $1)sql";
constexpr const char* kFail =
    "UPDATE scans SET status = 'failed', finished_at = $2::timestamptz, error = $3 WHERE id = $1";

std::string pg_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::int64_t as_int(const std::optional<std::string>& v) { return v ? std::stoll(*v) : 0; }

// The values every finding of a rule shares: $1..$4.
Params rule_params(const rules::RuleDef& rule) {
  return {rule.id, std::to_string(rule.version), rule.kind, rule.severity};
}

}  // namespace

std::string to_pg_timestamp(Instant t) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss hms(seconds - day);
  const auto micros = (t - seconds).count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld:%02ld.%06ld+00", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()), static_cast<long>(micros));
  return buf;
}

ScanStore::ScanStore(const std::string& url, const catalog::Catalogue& catalogue)
    : catalogue_(catalogue),
      url_(url),
      control_(std::make_unique<PgSession>(url)),
      results_(std::make_unique<PgSession>(url)),
      reader_(std::make_unique<PgSession>(url)) {
  for (auto* s : {control_.get(), results_.get(), reader_.get()}) s->exec(kSessionSettings);
}

ScanStore::~ScanStore() = default;

void ScanStore::lock_datasets(const std::vector<std::string>& datasets, bool wait) {
  for (const auto& d : datasets) {
    auto rows = control_->query(wait ? kWaitLock : kTryLock, {d});
    if (!wait && rows.at(0).at(0) != "t")
      throw scan::ScanBusy("another scan is running on dataset " + d +
                               "; wait for it to finish (or run with --wait to queue behind it)",
                           d);
  }
}

std::int64_t ScanStore::begin_scan(scan::ScanMode mode, const std::vector<std::string>& datasets,
                                   const rules::RulePack& pack, Instant now) {
  nlohmann::json versions = nlohmann::json::object();
  for (const auto& r : pack.rules) versions[r.id] = r.version;
  auto rows = control_->query(kInsertScan, {mode == scan::ScanMode::kFull ? "full" : "incremental",
                                            to_pg_timestamp(now), pg_array(datasets), pack.name, pack.version,
                                            versions.dump()});
  return as_int(rows.at(0).at(0));
}

void ScanStore::begin_results() {
  results_->exec("BEGIN");
  results_->exec(kStagingTables);
}

std::optional<std::string> ScanStore::watermark(const std::string& dataset_id) {
  auto rows = control_->query(kWatermark, {dataset_id});
  if (rows.empty()) return std::nullopt;
  return rows[0][0];
}

PgSession& ScanStore::source(const catalog::DatasetDef& dataset) {
  if (dataset.database_url.empty() || dataset.database_url == url_) return *reader_;
  auto& session = remote_[dataset.database_url];
  if (!session) {
    session = std::make_unique<PgSession>(dataset.database_url);
    session->exec(kSessionSettings);
  }
  return *session;
}

std::int64_t ScanStore::estimate_rows(const catalog::DatasetDef& dataset) {
  auto rows = source(dataset).query(kEstimate, {dataset.table});
  return rows.empty() ? 0 : as_int(rows[0][0]);
}

ScanStore::ReadResult ScanStore::read_rows(const catalog::DatasetDef& dataset, const std::vector<std::string>& columns,
                                           const std::optional<std::string>& since,
                                           const std::function<void(std::string_view)>& on_line) {
  // COPY takes no parameters: identifiers and the watermark literal are quoted by libpq.
  PgSession& r = source(dataset);
  const std::string table = r.quote_identifier(dataset.table);
  const std::string updated = r.quote_identifier(dataset.last_update_column);
  std::string select = "SELECT " + r.quote_identifier(dataset.record_key) + "::text";
  for (const auto& c : columns) select += ", " + r.quote_identifier(c) + "::text";
  select += " FROM " + table;
  if (since) select += " WHERE " + updated + " > " + r.quote_literal(*since) + "::timestamptz";
  ReadResult result;
  r.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    auto stats = r.query("SELECT max(" + updated + ")::text, count(*) FROM " + table);
    result.newest_update = stats.at(0).at(0);
    result.rows_total = as_int(stats.at(0).at(1));
    r.copy_out("COPY (" + select + ") TO STDOUT", on_line);
    r.exec("COMMIT");
  } catch (...) {
    r.exec("ROLLBACK");
    throw;
  }
  return result;
}

void ScanStore::stage(const std::string& findings, const std::string& records, const std::string& values) {
  if (!findings.empty()) results_->copy_in("COPY scan_findings FROM STDIN", findings);
  if (!records.empty()) results_->copy_in("COPY scan_records FROM STDIN", records);
  if (!values.empty()) results_->copy_in("COPY scan_values FROM STDIN", values);
}

void ScanStore::refresh_canonical_values(const std::string& dataset_id, bool incremental) {
  results_->exec(kAnalyzeStaging);
  results_->command(kDeleteChangedValues, {dataset_id, incremental ? "true" : "false"});
  results_->exec(kDropNewValues);
  results_->command(kCollectNewValues, {dataset_id});
  results_->command(kInsertNewValues);
}

void ScanStore::analyze_staging() { results_->exec(kAnalyzeStaging); }

void ScanStore::run_set_rule(const rules::RuleDef& rule, const catalog::DatasetDef* dataset, Instant now,
                             bool incremental) {
  PgSession& s = *results_;
  const auto q = [&](const std::string& name) { return s.quote_identifier(name); };
  Params params = rule_params(rule);
  if (rule.kind == "cross_agency_conflict") {
    std::vector<std::string> ids, agencies;
    for (const auto& d : catalogue_.datasets) {
      ids.push_back(d.id);
      agencies.push_back(d.agency.code);
    }
    for (const auto& attribute : rule.attributes) {
      const auto* def = catalogue_.attribute(attribute);
      Params p = params;
      p.push_back(pg_array(ids));
      p.push_back(pg_array(agencies));
      p.push_back(def->authoritative_source.empty() ? std::nullopt : std::optional<std::string>(def->authoritative_source));
      p.push_back(attribute);
      p.push_back(incremental ? "true" : "false");
      // Subjects whose normalised values disagree; then, when the authoritative source holds
      // the subject, the records that differ from it, otherwise every record of the subject.
      s.command(R"sql(
        WITH disputed AS (
          SELECT subject_id FROM canonical_values
          WHERE attribute = $8
            AND (NOT $9::boolean OR subject_id IN (SELECT subject_id FROM scan_records WHERE subject_id IS NOT NULL))
          GROUP BY subject_id HAVING min(value) <> max(value)),
        authority AS (
          SELECT c.subject_id, array_agg(c.value) AS authoritative_values
          FROM canonical_values c JOIN disputed USING (subject_id)
          WHERE c.attribute = $8 AND c.dataset_id = $7
          GROUP BY c.subject_id),
        evidence AS (
          SELECT c.subject_id, jsonb_object_agg(c.dataset_id, c.value) AS agency_values
          FROM canonical_values c JOIN disputed USING (subject_id)
          WHERE c.attribute = $8
          GROUP BY c.subject_id)
        INSERT INTO scan_findings
        SELECT $1, $2::int, $3, $4, v.dataset_id, a.agency_code, v.record_key, v.subject_id, v.attribute,
               jsonb_build_object('value', v.value, 'authoritative_source', $7::text, 'values', e.agency_values)
        FROM canonical_values v
        JOIN disputed USING (subject_id)
        JOIN evidence e USING (subject_id)
        JOIN unnest($5::text[], $6::text[]) AS a(dataset_id, agency_code) ON a.dataset_id = v.dataset_id
        LEFT JOIN authority s USING (subject_id)
        WHERE v.attribute = $8
          AND (s.subject_id IS NULL
               OR (v.dataset_id <> $7 AND v.value <> ANY (s.authoritative_values))))sql",
                p);
    }
    return;
  }
  const auto& d = *dataset;
  params.push_back(d.id);
  params.push_back(d.agency.code);
  // A dataset in Jiaohe's database is checked with one INSERT ... SELECT; one in a separate
  // platform database runs the SELECT there and its (few) findings are staged here.
  PgSession& data = source(d);
  const auto execute = [&](const std::string& sql, const Params& p) {
    if (&data == reader_.get()) {
      s.command(sql, p);
      return;
    }
    static const std::string kInsert = "INSERT INTO scan_findings ";
    std::string select = sql;
    select.erase(select.find(kInsert), kInsert.size());
    std::string lines;
    for (const auto& row : data.query(select, p)) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i]) {
          append_copy_field(lines, *row[i]);
        } else {
          lines += "\\N";
        }
        lines += i + 1 < row.size() ? '\t' : '\n';
      }
    }
    stage(lines, "", "");
  };
  const std::string table = q(d.table), rk = q(d.record_key) + "::text",
                    key = "upper(btrim(" + q(d.key_column) + "::text))", updated = q(d.last_update_column);
  if (rule.kind == "unique_key") {
    for (const auto& attribute : rule.attributes) {
      const auto* column = d.column_for(attribute);
      if (!column) continue;
      const std::string value = "btrim(" + q(column->column) + "::text)";
      Params p = params;
      p.push_back(attribute);
      // Duplicated values first (one hash aggregate), then the records carrying them.
      execute("WITH duplicated AS (SELECT " + value + " AS value, count(*) AS n FROM " + table + " WHERE " + value +
                    " <> '' GROUP BY 1 HAVING count(*) > 1) "
                "INSERT INTO scan_findings SELECT $1, $2::int, $3, $4, $5, $6, " + rk + ", " + key + ", $7, "
                "jsonb_build_object('value', d.value, 'records', d.n) FROM " + table + " JOIN duplicated d ON " + value +
                    " = d.value",
                p);
    }
  } else if (rule.kind == "referential") {
    const auto* base = catalogue_.dataset(rule.params.at("base_dataset").get<std::string>());
    Params p = params;
    p.push_back(d.key_attribute());
    p.push_back(base->id);
    execute("INSERT INTO scan_findings SELECT $1, $2::int, $3, $4, $5, $6, " + rk + ", " + key + ", $7, "
              "jsonb_build_object('value', " + q(d.key_column) + "::text, 'base_dataset', $8::text) FROM " + table +
              " t WHERE " + key + " <> '' AND NOT EXISTS (SELECT 1 FROM " + q(base->table) + " b WHERE upper(btrim(b." +
              q(base->key_column) + "::text)) = " + key + ")",
              p);
  } else if (rule.kind == "row_staleness" || rule.kind == "dataset_staleness") {
    const int max_age = d.frequency_days + rule.params.value("tolerance_days", 0);
    Params p = params;
    p.push_back(to_pg_timestamp(now));
    p.push_back(std::to_string(max_age));
    const std::string cutoff = "$7::timestamptz - make_interval(days => $8::int)";
    if (rule.kind == "row_staleness") {
      execute("INSERT INTO scan_findings SELECT $1, $2::int, $3, $4, $5, $6, " + rk + ", " + key +
                    ", '_record', jsonb_build_object('last_update', " + updated + ", 'max_age_days', $8::int) FROM " +
                    table + " WHERE " + updated + " IS NULL OR " + updated + " < " + cutoff,
                p);
    } else {
      execute("INSERT INTO scan_findings SELECT $1, $2::int, $3, $4, $5, $6, '*', NULL, '_dataset', "
                "jsonb_build_object('newest_update', m.newest, 'max_age_days', $8::int) FROM (SELECT max(" +
                    updated + ") AS newest FROM " + table + ") m WHERE m.newest IS NULL OR m.newest < " + cutoff,
                p);
    }
  }
}

ScanStore::MergeCounts ScanStore::merge_findings(std::int64_t scan_id, Instant now,
                                                 const std::vector<std::string>& datasets,
                                                 const std::vector<std::string>& row_rules,
                                                 const std::vector<std::string>& set_rules,
                                                 const std::vector<std::string>& conflict_rules, bool incremental) {
  PgSession& s = *results_;
  MergeCounts c;
  const std::string id = std::to_string(scan_id), at = to_pg_timestamp(now);
  s.exec(kMergeStage);
  c.reopened = as_int(s.query(kCountReopened).at(0).at(0));
  auto up = s.query(kUpsertFindings, {id, at});
  c.inserted = as_int(up.at(0).at(0));
  c.seen = as_int(up.at(0).at(1));
  const std::string inc = incremental ? "true" : "false";
  c.resolved += s.command(kResolveRowRules, {id, at, pg_array(datasets), pg_array(row_rules), inc});
  c.resolved += s.command(kResolveSetRules, {id, at, pg_array(datasets), pg_array(set_rules)});
  c.resolved += s.command(kResolveConflicts, {id, at, pg_array(conflict_rules), inc});
  return c;
}

void ScanStore::record_quality(std::int64_t scan_id, const catalog::DatasetDef& dataset,
                               const std::vector<std::string>& rules, std::int64_t rows_total) {
  results_->command(kRecordQuality, {std::to_string(scan_id), dataset.id, dataset.agency.code,
                                     std::to_string(rows_total), pg_array(rules)});
}

std::map<std::string, std::int64_t> ScanStore::open_findings_by_rule(const std::string& dataset_id) {
  std::map<std::string, std::int64_t> out;
  for (const auto& row : results_->query(kOpenByRule, {dataset_id})) out[*row[0]] = as_int(row[1]);
  return out;
}

void ScanStore::set_watermark(const std::string& dataset_id, const std::string& newest_update, std::int64_t scan_id) {
  results_->command(kSetWatermark, {dataset_id, newest_update, std::to_string(scan_id)});
}

void ScanStore::succeed(std::int64_t scan_id, Instant now, std::int64_t rows, const MergeCounts& c) {
  results_->command(kSucceed, {std::to_string(scan_id), to_pg_timestamp(now), std::to_string(rows),
                               std::to_string(c.inserted), std::to_string(c.seen), std::to_string(c.resolved),
                               std::to_string(c.reopened)});
  results_->exec("COMMIT");
}

void ScanStore::discard_results() {
  try {
    results_->exec("ROLLBACK");
  } catch (...) {
    // No transaction was open, or the connection is gone: either way nothing was committed.
  }
}

void ScanStore::fail(std::int64_t scan_id, Instant now, const std::string& error) {
  discard_results();
  control_->command(kFail, {std::to_string(scan_id), to_pg_timestamp(now), error});
}

}  // namespace jiaohe::engine::store
