#include "engine/store/publication_queries.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/tasks/exposure_writes.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kDatasetPublications = R"sql(
  SELECT p.dataset_id, p.state, jiaohe_micros(p.changed_at), p.task_id,
         coalesce((SELECT array_to_json(array_agg(DISTINCT t.id ORDER BY t.id))::text
                   FROM tasks t JOIN task_findings tf ON tf.task_id = t.id JOIN findings f ON f.id = tf.finding_id
                   WHERE t.kind = 'verify_finding' AND t.dataset_id = p.dataset_id
                     AND t.status NOT IN ('closed', 'forwarded') AND f.kind = $3), '[]')
  FROM dataset_publication p
  WHERE ($1::text IS NULL OR p.state = $1) AND ($2::text IS NULL OR p.dataset_id = $2)
  ORDER BY p.dataset_id)sql";

}  // namespace

std::vector<DatasetPublication> dataset_publications(const std::string& url, const std::optional<std::string>& state,
                                                     const std::optional<std::string>& dataset) {
  return read_statement(url, [&](pqxx::nontransaction& tx) {
    std::vector<DatasetPublication> out;
    for (const auto& r : tx.exec_params(kDatasetPublications, state, dataset, std::string(tasks::kExposureRuleKind)))
      out.push_back({r[0].c_str(), r[1].c_str(), *instant_of(r[2]), r[3].as<std::int64_t>(),
                     nlohmann::json::parse(r[4].c_str()).get<std::vector<std::int64_t>>()});
    return out;
  });
}

}  // namespace jiaohe::engine::store
