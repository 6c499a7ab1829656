#include "engine/store/report_queries.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

// The page is counted in scans: choose limit + 1 scans first, then all their matching scores.
constexpr const char* kQualityPage = R"sql(
  WITH chosen AS (
    SELECT s.id, s.started_at FROM scans s
    WHERE s.status = 'succeeded' AND ($1::bigint = 0 OR s.id < $1)
      AND ($2::timestamptz IS NULL OR s.started_at >= $2) AND ($3::timestamptz IS NULL OR s.started_at < $3)
      AND EXISTS (SELECT 1 FROM quality_scores q WHERE q.scan_id = s.id
                    AND ($4::text IS NULL OR q.dataset_id = $4) AND ($5::text IS NULL OR q.agency_code = $5))
    ORDER BY s.id DESC LIMIT $6)
  SELECT c.id, jiaohe_micros(c.started_at), q.dataset_id, q.agency_code, q.rule_id, q.rows_checked, q.rows_failed
  FROM chosen c JOIN quality_scores q ON q.scan_id = c.id
  WHERE ($4::text IS NULL OR q.dataset_id = $4) AND ($5::text IS NULL OR q.agency_code = $5)
  ORDER BY c.id DESC, q.dataset_id, q.rule_id)sql";
// Per dataset and scan the summed scores, numbered from the newest scan of each dataset.
constexpr const char* kQualityTrend = R"sql(
  WITH scored AS (
    SELECT q.dataset_id, q.agency_code, q.scan_id, s.started_at, max(q.rows_checked) AS rows_checked,
           sum(q.rows_checked) AS checks, sum(q.rows_failed) AS failed,
           row_number() OVER (PARTITION BY q.dataset_id ORDER BY q.scan_id DESC) AS nth
    FROM quality_scores q JOIN scans s ON s.id = q.scan_id AND s.status = 'succeeded'
    WHERE ($1::text IS NULL OR q.dataset_id = $1) AND ($2::text IS NULL OR q.agency_code = $2)
    GROUP BY q.dataset_id, q.agency_code, q.scan_id, s.started_at)
  SELECT dataset_id, agency_code, scan_id, jiaohe_micros(started_at), rows_checked, checks, failed
  FROM scored WHERE nth <= $3 ORDER BY dataset_id, scan_id)sql";

}  // namespace

Page<ScanQuality> quality_by_scan(const std::string& url, const QualityFilter& filter, const PageQuery& page) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<ScanQuality> fetched;
    for (const auto& r : tx.exec_params(kQualityPage, page.before_id, pg_time(filter.from), pg_time(filter.to),
                                        null_if_empty(filter.dataset), null_if_empty(filter.agency), page.limit + 1)) {
      const auto scan_id = r[0].as<std::int64_t>();
      if (fetched.empty() || fetched.back().id != scan_id) fetched.push_back({scan_id, *instant_of(r[1]), {}});
      auto& datasets = fetched.back().datasets;
      if (datasets.empty() || datasets.back().dataset_id != r[2].c_str())
        datasets.push_back({r[2].c_str(), r[3].c_str(), {}});
      datasets.back().rules.push_back({r[4].c_str(), r[5].as<std::int64_t>(), r[6].as<std::int64_t>()});
    }
    return page_of(std::move(fetched), page, [](const ScanQuality& x) { return x.id; });
  });
}

std::vector<DatasetTrend> quality_trend(const std::string& url, const QualityFilter& filter, int scans) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<DatasetTrend> out;
    for (const auto& r :
         tx.exec_params(kQualityTrend, null_if_empty(filter.dataset), null_if_empty(filter.agency), scans)) {
      if (out.empty() || out.back().dataset_id != r[0].c_str()) out.push_back({r[0].c_str(), r[1].c_str(), {}});
      out.back().points.push_back({r[2].as<std::int64_t>(), *instant_of(r[3]), r[4].as<std::int64_t>(),
                                   r[5].as<std::int64_t>(), r[6].as<std::int64_t>()});
    }
    return out;
  });
}

}  // namespace jiaohe::engine::store
