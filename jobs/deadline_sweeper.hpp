#pragma once
// The deadline sweep as a job (`jiaohe sweep`, and every minute inside `jiaohe serve`):
// reminders, overdue marks and rectification orders, each exactly once per task. Given the
// files its calendar and profile came from, it also follows them: when a calendar file or the
// profile changes on disk, the next run loads them again and recomputes open deadlines
// (DeadlineSweep::recompute, with a deadline_recomputed event on each task whose due date
// moved) before it sweeps.
#include <memory>
#include <optional>
#include <string>

#include "engine/calendar/working_calendar.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/tasks/deadline_sweep.hpp"
#include "jobs/job.hpp"

namespace jiaohe::jobs {

// Where the workflow's calendar folder and statute profile were loaded from.
struct WorkflowFiles {
  std::string calendar_dir, profile_file;
};

class DeadlineSweeper final : public Job {
 public:
  DeadlineSweeper(std::string url, engine::tasks::WorkflowSetup setup, std::optional<WorkflowFiles> files = {});
  std::string name() const override { return "deadline_sweep"; }
  void run_once(engine::Instant now) override;
  // What the last run did.
  const engine::tasks::SweepCounts& last() const { return last_; }
  // How many deadlines the last reload of changed files moved (0 when nothing changed).
  int last_recomputed() const { return last_recomputed_; }

 private:
  // The profile file's SHA-256 and the calendar folder's version, as on disk now.
  std::string profile_digest() const;
  // Loads the files again when they changed since the last load, and recomputes open deadlines
  // on them. A file that does not load is logged and the calendar and profile in use are kept.
  void follow_files(engine::Instant now);

  std::string url_;
  engine::tasks::WorkflowSetup setup_;
  std::optional<WorkflowFiles> files_;
  std::string profile_digest_;
  // What the setup points at after a reload (before one: what the caller loaded).
  std::unique_ptr<engine::calendar::WorkingCalendar> calendar_;
  std::unique_ptr<engine::statute::StatuteProfile> profile_;
  std::unique_ptr<engine::tasks::DeadlineSweep> sweep_;
  engine::tasks::SweepCounts last_;
  int last_recomputed_ = 0;
};

}  // namespace jiaohe::jobs
