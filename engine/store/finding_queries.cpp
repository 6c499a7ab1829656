#include "engine/store/finding_queries.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/finding_row.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {

const std::string kFindingColumns = R"sql(
  id, rule_id, rule_version, kind, severity, dataset_id, agency_code, record_key, coalesce(subject_id, ''),
  attribute, status, first_seen_scan, last_seen_scan, resolved_scan, jiaohe_micros(first_seen_at),
  jiaohe_micros(last_seen_at), jiaohe_micros(resolved_at), times_reopened)sql";

FindingRecord finding_of(const pqxx::row& r) {
  FindingRecord f;
  f.id = r[0].as<std::int64_t>();
  f.rule_id = r[1].c_str();
  f.rule_version = r[2].as<int>();
  f.kind = r[3].c_str();
  f.severity = r[4].c_str();
  f.dataset_id = r[5].c_str();
  f.agency_code = r[6].c_str();
  f.record_key = r[7].c_str();
  f.subject_id = r[8].c_str();
  f.attribute = r[9].c_str();
  f.status = r[10].c_str();
  f.first_seen_scan = r[11].as<std::int64_t>();
  f.last_seen_scan = r[12].as<std::int64_t>();
  if (!r[13].is_null()) f.resolved_scan = r[13].as<std::int64_t>();
  f.first_seen_at = *instant_of(r[14]);
  f.last_seen_at = *instant_of(r[15]);
  f.resolved_at = instant_of(r[16]);
  f.times_reopened = r[17].as<int>();
  if (!r[18].is_null()) f.evidence = nlohmann::json::parse(r[18].c_str());
  return f;
}

namespace {

const std::string kSelectFinding = "SELECT " + kFindingColumns;
const std::string kFindingById = kSelectFinding + ", evidence::text FROM findings WHERE id = $1";
// Unset filters are NULL; PostgreSQL plans an unnamed statement with its parameter values, so
// they fold away instead of defeating the indexes.
const std::string kFindingPage = kSelectFinding + R"sql(, NULL FROM findings
  WHERE ($1::text IS NULL OR dataset_id = $1) AND ($2::text IS NULL OR rule_id = $2)
    AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR agency_code = $4)
    AND ($5::text IS NULL OR subject_id = $5) AND ($6::bigint IS NULL OR first_seen_scan = $6)
    AND ($7::bigint = 0 OR id < $7)
  ORDER BY id DESC LIMIT $8)sql";

}  // namespace

Page<FindingRecord> list_findings(const std::string& url, const FindingFilter& filter, const PageQuery& page) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<FindingRecord> fetched;
    const auto scan = filter.scan ? std::optional<std::int64_t>(filter.scan) : std::nullopt;
    for (const auto& r : tx.exec_params(kFindingPage, null_if_empty(filter.dataset), null_if_empty(filter.rule),
                                        null_if_empty(filter.status), null_if_empty(filter.agency),
                                        null_if_empty(filter.subject_id), scan, page.before_id, page.limit + 1))
      fetched.push_back(finding_of(r));
    return page_of(std::move(fetched), page, [](const FindingRecord& x) { return x.id; });
  });
}

std::optional<FindingRecord> find_finding(const std::string& url, std::int64_t id) {
  return read_statement(url, [&](pqxx::nontransaction& tx) -> std::optional<FindingRecord> {
    const auto rows = tx.exec_params(kFindingById, id);
    if (rows.empty()) return std::nullopt;
    return finding_of(rows[0]);
  });
}

}  // namespace jiaohe::engine::store
