#pragma once
// What the deadline sweep reads and writes besides tasks, inside the unit of work
// (engine/tasks/unit_of_work.hpp). Row I/O only; engine/tasks/deadline_sweep decides.
#include <cstdint>
#include <string>
#include <vector>

namespace jiaohe::engine::tasks {

class DeadlineWrites {
 public:
  virtual ~DeadlineWrites() = default;
  // Up to `batch` tasks whose next_fire_at is not after the unit's now, soonest first, locked
  // (rows another sweeper holds are skipped).
  virtual std::vector<std::int64_t> take_due(int batch) = 0;
  // Writes the fire key of (task, kind, deadline version); false when another sweeper (or an
  // earlier run) already wrote it.
  virtual bool claim_fire(std::int64_t task_id, const std::string& kind, int deadline_version) = 0;
  // Live tasks whose deadline basis names another calendar or profile version, locked.
  virtual std::vector<std::int64_t> stale_bases(const std::string& calendar_version,
                                                const std::string& profile_version) = 0;
};

}  // namespace jiaohe::engine::tasks
