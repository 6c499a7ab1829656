#include "engine/tasks/exposure_suspension.hpp"

#include <nlohmann/json.hpp>

#include "engine/calendar/local_time.hpp"
#include "engine/disputes/publication.hpp"
#include "engine/tasks/task_flow.hpp"

namespace jiaohe::engine::tasks {
namespace {

using disputes::Publication;

bool verifies_exposure(UnitOfWork& u, const Task& task) {
  return task.kind == TaskKind::kVerifyFinding && !task.dataset_id.empty() &&
         u.verifies_rule_kind(task.id, kExposureRuleKind);
}

// The dataset enters `to`: its row, an event of `task` and the dataset-level notice. The notice
// names no person: the findings behind it count identifiers, they never carry one.
void move_dataset(UnitOfWork& u, const Task& task, std::optional<Publication> from, Publication to,
                  const Actor& actor, const std::string& why) {
  u.set_dataset_publication(task.dataset_id, to, task.id, u.now());
  const auto name = disputes::publication_name(to);
  const auto event_id =
      u.insert_event(task.id, "publication_" + name, actor,
                     nlohmann::json{{"publication", from ? nlohmann::json(disputes::publication_name(*from)) : nlohmann::json()}},
                     nlohmann::json{{"publication", name}, {"scope", "dataset"}}, why);
  const auto notice = *disputes::publication_notice(to);
  notify(u, task, notice, disputes::kOpenDataRecipient,
         notice + ":dataset:" + task.dataset_id + ":" + std::to_string(event_id), event_id,
         {{"publication",
           {{"scope", "dataset"},
            {"state", name},
            {"dataset_id", task.dataset_id},
            {"since", calendar::format_instant(u.now())},
            {"reason", why}}}});
}

}  // namespace

void serialise_exposure_task(UnitOfWork& u, std::int64_t task_id) {
  if (u.verifies_rule_kind(task_id, kExposureRuleKind)) u.lock_finding_tasks();
}

bool suspend_for_exposure(UnitOfWork& u, const Task& task, const Actor& actor) {
  if (!verifies_exposure(u, task)) return false;
  const auto now = u.dataset_publication(task.dataset_id);
  if (now == Publication::kSuspended) return false;  // another exposure task already holds it
  move_dataset(u, task, now, Publication::kSuspended, actor,
               "personal data exposed in the published dataset: publication suspended until the risk is removed "
               "(Art. 44 para. 3)");
  return true;
}

bool resume_after_exposure(UnitOfWork& u, const Task& task, const Actor& actor) {
  if (!verifies_exposure(u, task)) return false;
  const auto now = u.dataset_publication(task.dataset_id);
  if (now != Publication::kSuspended) return false;
  if (u.live_tasks_of_rule_kind(task.dataset_id, kExposureRuleKind) > 0) return false;
  move_dataset(u, task, now, Publication::kResumed, actor,
               "no exposure task of the dataset is open any more (task " + std::to_string(task.id) + " " +
                   (task.resolution.empty() ? status_name(task.status) : task.resolution) +
                   "): publication resumed");
  return true;
}

}  // namespace jiaohe::engine::tasks
