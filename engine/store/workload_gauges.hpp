#pragma once
// What an operator watches at a glance, read at scrape time for GET /metrics: unfinished and
// overdue tasks per kind, and the newest scan.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct TaskGauge {
  std::int64_t open = 0;     // not final (tasks::is_final)
  std::int64_t overdue = 0;  // open, not answered, and its deadline has passed at `now`
};

struct LastScan {
  std::int64_t id = 0;
  std::string status;                  // running, succeeded, failed
  std::optional<Instant> finished_at;  // none while running
};

struct WorkloadGauges {
  std::map<std::string, TaskGauge> tasks_by_kind;  // every task kind, zero when it has none
  std::optional<LastScan> last_scan;               // none before the first scan
};

WorkloadGauges workload_gauges(const std::string& url, Instant now);

}  // namespace jiaohe::engine::store
