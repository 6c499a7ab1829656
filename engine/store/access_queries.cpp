#include "engine/store/access_queries.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kReadsOfSubject = R"sql(
  SELECT id, jiaohe_micros(at), token_id, role, coalesce(agency_code, ''), action, resource, coalesce(route, '')
  FROM access_log WHERE subject_id = $1 AND ($2::bigint = 0 OR id < $2)
  ORDER BY id DESC LIMIT $3)sql";

// Per reader and action, and per reader alone (action NULL): the totals with distinct subjects.
constexpr const char* kByReader = R"sql(
  SELECT role, coalesce(agency_code, ''), action, count(*), count(DISTINCT subject_id)
  FROM access_log
  WHERE ($1::text IS NULL OR agency_code = $1) AND ($2::timestamptz IS NULL OR at >= $2)
    AND ($3::timestamptz IS NULL OR at < $3)
  GROUP BY GROUPING SETS ((role, agency_code, action), (role, agency_code))
  ORDER BY role, coalesce(agency_code, ''), action NULLS FIRST)sql";

}  // namespace

Page<AccessRead> reads_of_subject(const std::string& url, const std::string& subject_id, const PageQuery& page) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<AccessRead> fetched;
    for (const auto& r : tx.exec_params(kReadsOfSubject, subject_id, page.before_id, page.limit + 1)) {
      AccessRead a;
      a.id = r[0].as<std::int64_t>();
      a.at = *instant_of(r[1]);
      a.token_id = r[2].as<std::int64_t>();
      a.role = r[3].c_str();
      a.agency_code = r[4].c_str();
      a.action = r[5].c_str();
      a.resource = r[6].c_str();
      a.route = r[7].c_str();
      fetched.push_back(std::move(a));
    }
    return page_of(std::move(fetched), page, [](const AccessRead& a) { return a.id; });
  });
}

std::vector<ReaderAccess> access_by_reader(const std::string& url, const AccessFilter& filter) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<ReaderAccess> out;
    for (const auto& r : tx.exec_params(kByReader, null_if_empty(filter.agency), pg_time(filter.from), pg_time(filter.to))) {
      if (r[2].is_null()) {  // a reader's totals come first, then its actions
        out.push_back({r[0].c_str(), r[1].c_str(), r[3].as<std::int64_t>(), r[4].as<std::int64_t>(), {}});
        continue;
      }
      out.back().actions[r[2].c_str()] = r[3].as<std::int64_t>();
    }
    return out;
  });
}

}  // namespace jiaohe::engine::store
