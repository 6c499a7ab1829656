#include "engine/store/row_source.hpp"

#include "engine/store/pg_session.hpp"

namespace jiaohe::engine::store {
namespace {

using rules::normalize::UpdateForm;

// UTC text, ISO dates; one plan per query (no parallel workers, no synchronised scans) so
// that reading a query twice in one snapshot yields its rows in the same order.
constexpr const char* kReaderSettings =
    "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET client_min_messages = warning; "
    "SET IntervalStyle = iso_8601; SET max_parallel_workers_per_gather = 0; SET synchronize_seqscans = off";
constexpr const char* kColumns = R"sql(
  SELECT a.attname, format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END, a.atttypmod)
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
  WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped)sql";
constexpr const char* kExists = "SELECT to_regclass($1) IS NOT NULL";
// The planner's own estimate: rows per page at the last ANALYZE times the pages the table has
// now (reltuples alone lags behind a table that grew since); 0 when never analysed or a view.
constexpr const char* kEstimate = R"sql(
  SELECT CASE WHEN reltuples <= 0 OR relpages <= 0 THEN 0
              ELSE (reltuples / relpages * (pg_relation_size(oid) / current_setting('block_size')::int))::bigint END
  FROM pg_class WHERE oid = to_regclass($1))sql";

// The update column as local time of the watermark, for timestamp and date columns: COPY takes
// no parameters, so `since` arrives quoted.
std::string watermark_condition(const std::string& column, UpdateForm type, const std::string& since_literal,
                                int offset_minutes) {
  const std::string local = "((" + since_literal + "::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => " +
                            std::to_string(offset_minutes) + "))";
  switch (type) {
    case UpdateForm::kTimestampTz: return column + " > " + since_literal + "::timestamptz";
    case UpdateForm::kTimestamp: return column + " > " + local;
    // A date has no time of day: the watermark's own day is read again.
    case UpdateForm::kDate: return column + " >= (" + local + " - interval '1 day')::date";
    case UpdateForm::kText: return "true";
  }
  return "true";
}

}  // namespace

RowSource::RowSource(const std::string& url) : url_(url), local_(std::make_unique<PgSession>(url)) {
  local_->exec(kReaderSettings);
}

RowSource::~RowSource() = default;

PgSession& RowSource::session(const catalog::DatasetDef& dataset) {
  if (dataset.database_url.empty() || dataset.database_url == url_) return *local_;
  auto& s = remote_[dataset.database_url];
  if (!s) {
    s = std::make_unique<PgSession>(dataset.database_url);
    s->exec(kReaderSettings);
  }
  return *s;
}

std::int64_t RowSource::estimate_rows(const catalog::DatasetDef& dataset) {
  auto rows = session(dataset).query(kEstimate, {dataset.table});
  return rows.empty() || !rows[0][0] ? 0 : std::stoll(*rows[0][0]);
}

std::optional<std::map<std::string, std::string>> RowSource::describe(const catalog::DatasetDef& dataset) {
  PgSession& s = session(dataset);
  if (s.query(kExists, {dataset.table}).at(0).at(0) != "t") return std::nullopt;
  std::map<std::string, std::string> columns;
  for (const auto& row : s.query(kColumns, {dataset.table})) columns[*row[0]] = *row[1];
  return columns;
}

void RowSource::open(const catalog::DatasetDef& dataset) {
  session(dataset).exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void RowSource::read(const catalog::DatasetDef& dataset, const std::vector<std::string>& columns,
                     UpdateForm type, RowFilter filter, const std::optional<std::string>& since,
                     const std::function<void(std::string_view)>& on_line) {
  PgSession& s = session(dataset);
  if (filter == RowFilter::kNotUpdatedAfter && type == UpdateForm::kText) return;
  const std::string updated = s.quote_identifier(dataset.last_update_column);
  std::string select = "SELECT " + s.quote_identifier(dataset.record_key) + "::text";
  for (const auto& c : columns) select += ", " + s.quote_identifier(c) + "::text";
  select += ", " + updated + "::text FROM " + s.quote_identifier(dataset.table);
  if (filter != RowFilter::kAll && since) {
    const std::string after =
        watermark_condition(updated, type, s.quote_literal(*since), dataset.last_update_offset_minutes);
    select += filter == RowFilter::kUpdatedAfter ? " WHERE " + after
                                                 : " WHERE " + updated + " IS NULL OR NOT (" + after + ")";
  }
  s.copy_out("COPY (" + select + ") TO STDOUT", on_line);
}

void RowSource::close(const catalog::DatasetDef& dataset) { session(dataset).exec("COMMIT"); }

void RowSource::abandon(const catalog::DatasetDef& dataset) noexcept {
  try {
    session(dataset).exec("ROLLBACK");
  } catch (...) {
    // The connection is gone: nothing to end.
  }
}

}  // namespace jiaohe::engine::store
