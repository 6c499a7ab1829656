#pragma once
// A scheduled job does its work in run_once(now); schedules only decide when to call it,
// so tests call run_once with a moved clock and never sleep.
#include <string>

#include "engine/clock.hpp"

namespace jiaohe::jobs {

class Job {
 public:
  virtual ~Job() = default;
  virtual std::string name() const = 0;
  virtual void run_once(engine::Instant now) = 0;
};

}  // namespace jiaohe::jobs
