#pragma once
// The task queue of agencies and the authority: list with filters, one task with its evidence
// and history, and the actions on it (start, assignment to a member of staff, comments, answer,
// extension request and decision, forwarding).
// Access: an agency sees and acts on its own tasks only (another agency's task is 404); the
// authority sees every task and acts on its own (forwarding, reviews). Seeing a task one may
// not act on answers 403; a state the workflow does not allow answers 409. See docs/API.md.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response list_tasks(const Request& request, AppContext& ctx);
Response get_task(const Request& request, AppContext& ctx);
Response task_events(const Request& request, AppContext& ctx);
Response answer_task(const Request& request, AppContext& ctx);
Response request_extension(const Request& request, AppContext& ctx);
Response decide_extension(const Request& request, AppContext& ctx);
Response forward_task(const Request& request, AppContext& ctx);
Response start_task(const Request& request, AppContext& ctx);
Response assign_task(const Request& request, AppContext& ctx);
Response comment_task(const Request& request, AppContext& ctx);
// For /openapi.json: each route's body and answer (and the queue's filters).
RouteSchema list_tasks_schema();
RouteSchema get_task_schema();
RouteSchema task_events_schema();
RouteSchema start_task_schema();
RouteSchema assign_task_schema();
RouteSchema comment_task_schema();
RouteSchema answer_task_schema();
RouteSchema request_extension_schema();
RouteSchema decide_extension_schema();
RouteSchema forward_task_schema();

}  // namespace jiaohe::api::handlers
