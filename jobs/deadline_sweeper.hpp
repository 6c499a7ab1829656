#pragma once
// The deadline sweep as a job (`jiaohe sweep`, and every minute inside `jiaohe serve`):
// reminders, overdue marks and rectification orders, each exactly once per task.
#include <string>

#include "engine/tasks/deadline_sweep.hpp"
#include "jobs/job.hpp"

namespace jiaohe::jobs {

class DeadlineSweeper final : public Job {
 public:
  DeadlineSweeper(std::string url, engine::tasks::WorkflowSetup setup) : sweep_(std::move(url), std::move(setup)) {}
  std::string name() const override { return "deadline_sweep"; }
  void run_once(engine::Instant now) override;
  // What the last run did.
  const engine::tasks::SweepCounts& last() const { return last_; }

 private:
  engine::tasks::DeadlineSweep sweep_;
  engine::tasks::SweepCounts last_;
};

}  // namespace jiaohe::jobs
