#include "jobs/deadline_sweeper.hpp"

#include "engine/log/log.hpp"

namespace jiaohe::jobs {

void DeadlineSweeper::run_once(engine::Instant now) {
  last_ = sweep_.sweep(now);
  if (last_.reminders + last_.overdue + last_.rectifications > 0)
    engine::log::info("sweep.fired", {{"reminders", last_.reminders},
                                      {"overdue", last_.overdue},
                                      {"rectifications", last_.rectifications}});
}

}  // namespace jiaohe::jobs
