#include "jobs/deadline_sweeper.hpp"

#include <fstream>
#include <sstream>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/error.hpp"
#include "engine/log/log.hpp"
#include "engine/tasks/workflow_profile.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::jobs {

DeadlineSweeper::DeadlineSweeper(std::string url, engine::tasks::WorkflowSetup setup, std::optional<WorkflowFiles> files)
    : url_(std::move(url)), setup_(std::move(setup)), files_(std::move(files)) {
  if (files_) profile_digest_ = profile_digest();
  sweep_ = std::make_unique<engine::tasks::DeadlineSweep>(url_, setup_);
}

std::string DeadlineSweeper::profile_digest() const {
  std::ifstream in(files_->profile_file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return engine::util::sha256_hex(bytes.str());
}

void DeadlineSweeper::follow_files(engine::Instant now) {
  last_recomputed_ = 0;
  try {
    // The calendar's version is its files' digest: loading the (small) folder tells whether it changed.
    auto calendar = std::make_unique<engine::calendar::WorkingCalendar>(engine::calendar::load_calendar(files_->calendar_dir));
    const auto digest = profile_digest();
    if (calendar->version() == setup_.calendar->version() && digest == profile_digest_) return;
    auto profile = std::make_unique<engine::statute::StatuteProfile>(
        engine::tasks::load_workflow_profile(files_->profile_file));
    calendar_ = std::move(calendar);
    profile_ = std::move(profile);
    profile_digest_ = digest;
    setup_.calendar = calendar_.get();
    setup_.profile = profile_.get();
    sweep_ = std::make_unique<engine::tasks::DeadlineSweep>(url_, setup_);
    last_recomputed_ = sweep_->recompute(now);
    engine::log::info("sweep.files_changed", {{"calendar_version", setup_.calendar->version().substr(0, 12)},
                                              {"profile", setup_.profile->id + " v" + setup_.profile->version},
                                              {"deadlines_moved", last_recomputed_}});
  } catch (const engine::Error& e) {
    engine::log::warn("sweep.files_not_loaded", {{"error", e.what()}});
  }
}

void DeadlineSweeper::run_once(engine::Instant now) {
  if (files_) follow_files(now);
  last_ = sweep_->sweep(now);
  if (last_.reminders + last_.overdue + last_.rectifications > 0)
    engine::log::info("sweep.fired", {{"reminders", last_.reminders},
                                      {"overdue", last_.overdue},
                                      {"rectifications", last_.rectifications}});
}

}  // namespace jiaohe::jobs
