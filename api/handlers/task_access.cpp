#include "api/handlers/task_access.hpp"

#include <charconv>

#include "api/problem.hpp"
#include "engine/error.hpp"
#include "engine/store/task_store.hpp"

namespace jiaohe::api::handlers {

using engine::auth::Role;
using engine::tasks::ActorRole;

engine::tasks::Actor actor_of(const engine::auth::Caller& caller) {
  const auto name = "token " + std::to_string(caller.token_id);
  switch (caller.role) {
    case Role::kAgency: return {name, ActorRole::kAgency, caller.agency_code};
    case Role::kAuthority: return {name, ActorRole::kAuthority, {}};
    case Role::kCitizen: return {name, ActorRole::kParty, {}};
    case Role::kAdmin: break;
  }
  // No route lets an admin act on the workflow; a system actor would be too powerful.
  throw engine::Error(engine::ErrorCode::kInternal, "an admin token has no workflow role");
}

bool may_see(const engine::auth::Caller& caller, const engine::tasks::Task& task) {
  switch (caller.role) {
    case Role::kAgency: return task.assignee == caller.agency_code;
    case Role::kAuthority: return true;
    case Role::kCitizen:
    case Role::kAdmin: return false;
  }
  return false;
}

bool acts_for(const engine::auth::Caller& caller, const engine::tasks::Task& task) {
  if (task.assignee == "authority") return caller.role == Role::kAuthority;
  return caller.role == Role::kAgency && caller.agency_code == task.assignee;
}

std::optional<std::int64_t> id_param(const Request& request) {
  const auto it = request.params.find("id");
  if (it == request.params.end()) return std::nullopt;
  const auto& s = it->second;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

std::variant<engine::tasks::Task, Response> visible_task(const Request& request, AppContext& ctx) {
  const auto absent = [&] { return problem(404, "Not found", "no task " + request.params.at("id") + " is visible to you"); };
  const auto id = id_param(request);
  if (!id) return absent();
  try {
    auto task = engine::store::TaskStore(ctx.database_url, ctx.workflow).task(*id);
    if (!may_see(*request.caller, task)) return absent();
    return task;
  } catch (const engine::Error& e) {
    if (e.code() == engine::ErrorCode::kNotFound) return absent();
    throw;
  }
}

Response not_yours(const engine::tasks::Task& task, const std::string& what) {
  return problem(403, "Forbidden", what + " task " + std::to_string(task.id) + " is for its assignee (" + task.assignee + ")");
}

}  // namespace jiaohe::api::handlers
