#pragma once
// Art. 44 para. 3: personal data exposed in open data is suspended until the risk is removed.
// A personal_data_exposure finding (in a dataset published unconditionally) gets a task due
// immediately; while any such task of the dataset is open, the DATASET's publication is
// suspended. The first such task's opening suspends it and its last one's becoming final
// (corrected and verified, confirmed accurate, rejected, resolved at source) resumes it, each
// with an event on that task and a dataset-level notice to the open-data platform (its own
// webhook recipient), in that task's own unit of work. A second exposure task of a suspended
// dataset changes nothing and tells nobody.
//
// Exposure tasks open and close in the loop after a scan, which holds lock_finding_tasks; a unit
// outside it that may close one (the agency's answer) takes that lock first too, so the open
// exposure tasks one unit counts are the ones it commits against.
#include "engine/tasks/task.hpp"
#include "engine/tasks/unit_of_work.hpp"

namespace jiaohe::engine::tasks {

// Before a unit outside the loop after a scan loads a finding task it may make final: takes
// lock_finding_tasks when the task verifies an exposure (its findings are linked when it opens
// and never change), before the task's row is locked, in the loop's order.
void serialise_exposure_task(UnitOfWork& u, std::int64_t task_id);

// Under lock_finding_tasks, after `task` opened with its findings linked: suspends its dataset if the task verifies an
// exposure and the dataset is not suspended yet. Returns whether it suspended.
bool suspend_for_exposure(UnitOfWork& u, const Task& task, const Actor& actor);

// Under lock_finding_tasks, after `task` became final: resumes its dataset if the task verified an exposure and no other
// exposure task of the dataset is still open. Returns whether it resumed.
bool resume_after_exposure(UnitOfWork& u, const Task& task, const Actor& actor);

}  // namespace jiaohe::engine::tasks
