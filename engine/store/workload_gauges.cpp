#include "engine/store/workload_gauges.hpp"

#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"
#include "engine/tasks/task_types.hpp"

namespace jiaohe::engine::store {
namespace {

// Which statuses are final stays the engine's decision (tasks::is_final), so counts come per
// kind and status and are folded here.
constexpr const char* kTasksByKindAndStatus = R"sql(
  SELECT kind, status, count(*), count(*) FILTER (WHERE due_at <= $1::timestamptz)
  FROM tasks GROUP BY kind, status)sql";

constexpr const char* kLastScan = R"sql(
  SELECT id, status, jiaohe_micros(finished_at) FROM scans ORDER BY id DESC LIMIT 1)sql";

constexpr tasks::TaskKind kKinds[] = {tasks::TaskKind::kVerifyFinding, tasks::TaskKind::kVerifyDispute,
                                      tasks::TaskKind::kForwardDispute, tasks::TaskKind::kVerifyWithdrawal,
                                      tasks::TaskKind::kReview, tasks::TaskKind::kRectify};

}  // namespace

WorkloadGauges workload_gauges(const std::string& url, Instant now) {
  return read_only(url, [&](pqxx::read_transaction& tx) {
    WorkloadGauges g;
    for (auto kind : kKinds) g.tasks_by_kind[tasks::kind_name(kind)] = {};
    for (const auto& r : tx.exec_params(kTasksByKindAndStatus, to_pg_timestamp(now))) {
      const auto status = tasks::parse_status(r[1].c_str());
      if (!status || tasks::is_final(*status)) continue;
      auto& gauge = g.tasks_by_kind[r[0].c_str()];
      gauge.open += r[2].as<std::int64_t>();
      // The sweeper's rule: an answered task waits for verification, not for its assignee.
      if (*status != tasks::TaskStatus::kAnswered) gauge.overdue += r[3].as<std::int64_t>();
    }
    const auto last = tx.exec(kLastScan);
    if (!last.empty()) g.last_scan = LastScan{last[0][0].as<std::int64_t>(), last[0][1].c_str(), instant_of(last[0][2])};
    return g;
  });
}

}  // namespace jiaohe::engine::store
