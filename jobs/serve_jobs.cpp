#include "jobs/serve_jobs.hpp"

#include "jobs/deadline_sweeper.hpp"
#include "jobs/outbox_delivery.hpp"
#include "jobs/scan_schedule.hpp"
#include "jobs/scan_takeover.hpp"

namespace jiaohe::jobs {

ServeJobs::ServeJobs(const engine::Config& config, const std::string& url, const engine::scan::ScanAndOpenTasks& scan,
                     const engine::tasks::WorkflowSetup& setup, const engine::Clock& clock,
                     std::optional<WorkflowFiles> files)
    : clock_(clock) {
  using namespace std::chrono_literals;
  if (config.scan_schedule_enabled)
    add(std::make_unique<ScanSchedule>(
            url, scan, ScanScheduleOptions{engine::calendar::CronExpression::parse(config.scan_schedule_cron),
                                           config.full_scan_weekday, ""},
            clock),
        30s);
  // Always: a scan of any origin whose coordinator died must end (or, scheduled, be finished).
  add(std::make_unique<ScanTakeover>(url, scan, clock), engine::scan::kDefaultLease / 2);
  if (config.sweeper_enabled) add(std::make_unique<DeadlineSweeper>(url, setup, std::move(files)), 1min);
  // Without webhooks notifications stay queued and visible: there is nothing to deliver to.
  if (config.delivery_enabled && !config.notify_webhooks.empty())
    add(std::make_unique<OutboxDelivery>(
            url, WebhookConfig{config.notify_webhooks, config.notify_secret, {}, 5s, config.notify_secrets}),
        10s);
}

ServeJobs::~ServeJobs() { stop(); }

void ServeJobs::add(std::unique_ptr<Job> job, std::chrono::milliseconds interval) {
  runners_.push_back(std::make_unique<PeriodicRunner>(*job, clock_, interval));
  jobs_.push_back(std::move(job));
}

std::vector<std::string> ServeJobs::names() const {
  std::vector<std::string> out;
  for (const auto& j : jobs_) out.push_back(j->name());
  return out;
}

void ServeJobs::start() {
  for (auto& r : runners_) r->start();
}

void ServeJobs::stop() {
  for (auto& r : runners_) r->stop();
}

}  // namespace jiaohe::jobs
