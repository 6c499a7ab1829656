#include "api/handlers/task_access.hpp"

#include <charconv>

#include "api/problem.hpp"
#include "engine/error.hpp"
#include "engine/store/dispute_store.hpp"
#include "engine/store/task_store.hpp"

namespace jiaohe::api::handlers {

using engine::auth::Role;
using engine::tasks::ActorRole;

engine::tasks::Actor actor_of(const engine::auth::Caller& caller) {
  const auto token = "token " + std::to_string(caller.token_id);
  std::optional<engine::tasks::Person> person;
  if (!caller.staff_id.empty()) person = engine::tasks::Person{caller.staff_id, caller.staff_name};
  const auto name = person ? person->name + " (" + token + ")" : token;
  switch (caller.role) {
    case Role::kAgency:
      return {name, caller.head ? ActorRole::kAgencyHead : ActorRole::kAgency, caller.agency_code, caller.token_id,
              person};
    case Role::kAuthority: return {name, ActorRole::kAuthority, {}, caller.token_id, person};
    case Role::kCitizen: return {name, ActorRole::kParty, {}, caller.token_id, {}};
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

std::optional<std::int64_t> id_param(const Request& request, const std::string& name) {
  const auto it = request.params.find(name);
  if (it == request.params.end()) return std::nullopt;
  const auto& s = it->second;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

namespace {

// The resource of {id} that `load` finds, when `may` lets the caller see it; else one 404 for
// "no such id", "not a number" and "not yours" alike.
template <typename T, typename Load, typename May>
std::variant<T, Response> visible(const Request& request, const std::string& what, Load load, May may) {
  const auto absent = [&] { return problem(404, "Not found", "no " + what + " " + request.params.at("id") + " is visible to you"); };
  const auto id = id_param(request);
  if (!id) return absent();
  try {
    auto resource = load(*id);
    if (!may(*request.caller, resource)) return absent();
    return resource;
  } catch (const engine::Error& e) {
    if (e.code() == engine::ErrorCode::kNotFound) return absent();
    throw;
  }
}

}  // namespace

std::variant<engine::tasks::Task, Response> visible_task(const Request& request, AppContext& ctx) {
  return visible<engine::tasks::Task>(
      request, "task", [&](std::int64_t id) { return engine::store::TaskStore(ctx.database_url).task(id); },
      may_see);
}

bool may_read(const engine::auth::Caller& caller, const engine::disputes::DisputeView& dispute) {
  switch (caller.role) {
    case engine::auth::Role::kCitizen: return caller.subject_id == dispute.subject_id;
    case engine::auth::Role::kAgency:
      return caller.agency_code == dispute.agency_code || caller.agency_code == dispute.assignee;
    case engine::auth::Role::kAuthority: return true;
    case engine::auth::Role::kAdmin: return false;
  }
  return false;
}

std::variant<engine::disputes::DisputeView, Response> visible_dispute(const Request& request, AppContext& ctx) {
  return visible<engine::disputes::DisputeView>(
      request, "dispute",
      [&](std::int64_t id) { return engine::store::DisputeStore(ctx.database_url).view(id); }, may_read);
}

Response not_yours(const engine::tasks::Task& task, const std::string& what) {
  return problem(403, "Forbidden", what + " task " + std::to_string(task.id) + " is for its assignee (" + task.assignee + ")");
}

}  // namespace jiaohe::api::handlers
