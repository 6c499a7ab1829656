#pragma once
// What handlers may use: the engine's services, wired once in cli/serve_command.cpp.
#include <memory>
#include <string>

#include "api/metrics.hpp"
#include "api/token_cache.hpp"
#include "engine/clock.hpp"
#include "engine/scan/scan_launcher.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/tasks/workflow_setup.hpp"
#include "rules/rule.hpp"

namespace jiaohe::api {

struct AppContext {
  std::string database_url;
  const engine::Clock* clock = nullptr;
  // Profile, calendar and catalogue for the workflow endpoints (disputes); the loaded data
  // outlives the server.
  engine::tasks::WorkflowSetup workflow = {};
  // Filings are committed in batches through it when set (serve sets it; see docs/PERFORMANCE.md).
  engine::store::GroupCommitter* commits = nullptr;
  // Runs the scans started by POST /v1/scans in the background; its owner joins them on
  // shutdown. Null: scans cannot be started over HTTP (503).
  engine::scan::ScanLauncher* scans = nullptr;
  // Tokens that authenticated in the last seconds (api/token_cache.hpp: the revocation delay).
  std::shared_ptr<TokenCache> tokens = std::make_shared<TokenCache>();
  // The server's request counters (recorded by the server, read by GET /metrics).
  std::shared_ptr<Metrics> metrics = std::make_shared<Metrics>();
  // The rule pack the scans run, for the console's reference data and reports (rule kinds);
  // null: none loaded.
  const rules::RulePack* pack = nullptr;
};

}  // namespace jiaohe::api
