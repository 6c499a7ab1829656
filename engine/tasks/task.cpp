#include "engine/tasks/task.hpp"

#include <algorithm>

#include "engine/calendar/local_time.hpp"

namespace jiaohe::engine::tasks {

bool Task::has_flag(const std::string& flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }

nlohmann::json snapshot(const Task& task) {
  nlohmann::json j = {{"status", status_name(task.status)}, {"deadline_version", task.deadline_version}};
  j["due_at"] = task.due_at ? nlohmann::json(calendar::format_instant(*task.due_at)) : nlohmann::json();
  if (task.provisional) j["provisional"] = true;
  if (!task.resolution.empty()) j["resolution"] = task.resolution;
  if (!task.flags.empty()) j["flags"] = task.flags;
  if (task.extensions > 0) j["extensions"] = task.extensions;
  if (task.overdue) j["overdue"] = true;
  if (task.assigned_to) j["assigned_to"] = person_json(task.assigned_to);
  return j;
}

nlohmann::json person_json(const std::optional<Person>& person) {
  if (!person) return nullptr;
  return {{"staff_id", person->staff_id}, {"name", person->name}};
}

}  // namespace jiaohe::engine::tasks
