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

}  // namespace jiaohe::engine::store
