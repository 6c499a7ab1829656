#pragma once
// What handlers may use: the engine's services, wired once in cli/serve_command.cpp.
#include <string>

#include "engine/clock.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::api {

struct AppContext {
  std::string database_url;
  const engine::Clock* clock = nullptr;
  // Profile, calendar and catalogue for the workflow endpoints (disputes); the loaded data
  // outlives the server.
  engine::tasks::WorkflowSetup workflow = {};
  // Filings are committed in batches through it when set (serve sets it; see docs/PERFORMANCE.md).
  engine::store::GroupCommitter* commits = nullptr;
};

}  // namespace jiaohe::api
