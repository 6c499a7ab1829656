#pragma once
// Loading the statute profile the workflow runs on: refused when it lacks a procedure the
// workflow drives (one per task kind), so a gap shows at load and not on the first task of
// that kind. What every command that runs the workflow, and the sweeper reloading a changed
// file, loads.
#include <string>

#include "engine/statute/statute_profile.hpp"

namespace jiaohe::engine::tasks {

// The profile in `file`; engine::Error(kInvalidInput) naming the file and each missing procedure.
statute::StatuteProfile load_workflow_profile(const std::string& file);

}  // namespace jiaohe::engine::tasks
