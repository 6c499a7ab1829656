#pragma once
// The background jobs of `jiaohe serve`, as the configuration switches them on (jobs.*.enabled):
// the scheduled scan (checked every 30 s against its cron), the takeover of scans whose
// coordinator died (every 15 s, always on), the deadline sweep (every minute)
// and the notification delivery (every 10 s, only when webhooks are configured). The sweep
// follows the calendar and profile `files`, when given. Each runs on
// a thread of its own; the one place that knows them all, so serve_command only starts and
// stops them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/config/config.hpp"
#include "engine/scan/scan_and_open_tasks.hpp"
#include "jobs/deadline_sweeper.hpp"
#include "jobs/job.hpp"
#include "jobs/periodic_runner.hpp"

namespace jiaohe::jobs {

class ServeJobs {
 public:
  ServeJobs(const engine::Config& config, const std::string& url, const engine::scan::ScanAndOpenTasks& scan,
            const engine::tasks::WorkflowSetup& setup, const engine::Clock& clock,
            std::optional<WorkflowFiles> files = {});
  ~ServeJobs();  // stops

  // The enabled jobs' names, in start order.
  std::vector<std::string> names() const;
  void start();
  void stop();

 private:
  void add(std::unique_ptr<Job> job, std::chrono::milliseconds interval);

  const engine::Clock& clock_;
  std::vector<std::unique_ptr<Job>> jobs_;
  std::vector<std::unique_ptr<PeriodicRunner>> runners_;
};

}  // namespace jiaohe::jobs
