#pragma once
// Who a caller is to the workflow, and which tasks and disputes it may see and act on: the one mapping
// from an authenticated caller to engine::tasks::Actor, used by every task and dispute
// follow-up handler.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "api/app_context.hpp"
#include "api/http.hpp"
#include "engine/auth/caller.hpp"
#include "engine/disputes/dispute.hpp"
#include "engine/tasks/task.hpp"

namespace jiaohe::api::handlers {

// Agency staff act for their agency (a head as agency_head), the authority for itself, a citizen
// as the party. The name is "token <id>", or "<person> (token <id>)" for a token naming a
// person, and the actor carries both, so every event traces back to the token and the person.
engine::tasks::Actor actor_of(const engine::auth::Caller& caller);

// Agency staff see their agency's tasks; the authority sees every task.
bool may_see(const engine::auth::Caller& caller, const engine::tasks::Task& task);
// Whether the caller is the task's assignee, the one who answers, extends or forwards it.
bool acts_for(const engine::auth::Caller& caller, const engine::tasks::Task& task);

// The {id} (or another named parameter) of the path, when it is a positive number.
std::optional<std::int64_t> id_param(const Request& request, const std::string& name = "id");

// The task of {id} when the caller may see it, else the 404 (the same for a task that does not
// exist and one of another agency, so that ids cannot be probed).
std::variant<engine::tasks::Task, Response> visible_task(const Request& request, AppContext& ctx);

// Citizens see disputes about their own identifier, agency staff those about their agency or
// assigned to it, the authority every one.
bool may_read(const engine::auth::Caller& caller, const engine::disputes::DisputeView& dispute);
// The dispute of {id} when the caller may see it, else the 404 (as visible_task).
std::variant<engine::disputes::DisputeView, Response> visible_dispute(const Request& request, AppContext& ctx);

// The 403 for a caller that sees the task but is not the one who may do `what` to it.
Response not_yours(const engine::tasks::Task& task, const std::string& what);

}  // namespace jiaohe::api::handlers
