#include "api/handlers/tasks.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers/dispute_json.hpp"
#include "api/handlers/finding_json.hpp"
#include "api/handlers/json_fields.hpp"
#include "api/handlers/task_access.hpp"
#include "api/handlers/task_json.hpp"
#include "api/json_body.hpp"
#include "api/pagination.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/response_schema.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/error.hpp"
#include "engine/store/access_log.hpp"
#include "engine/store/dispute_store.hpp"
#include "engine/store/task_queue.hpp"
#include "engine/store/task_store.hpp"
#include "engine/tasks/task_desk.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::auth::Role;
using engine::tasks::Task;
using engine::tasks::TaskKind;
using nlohmann::json;

// One body for every answerable kind: {"answer": ..., "reason": ...}; what each kind accepts is
// the task desk's answer policy (engine/tasks/task_desk.hpp).
const std::vector<FieldSpec> kAnswerFields = {{"answer", FieldType::kString, true},
                                              {"reason", FieldType::kString, false}};

const std::vector<FieldSpec> kExtensionFields = {{"reason", FieldType::kString, true},
                                                 {"amount", FieldType::kInteger, false}};
const std::vector<FieldSpec> kDecisionFields = {{"approve", FieldType::kBoolean, true},
                                                {"reason", FieldType::kString, true},
                                                {"approver_name", FieldType::kString, false}};
const std::vector<FieldSpec> kAssignFields = {{"staff_id", FieldType::kString, true}};
const std::vector<FieldSpec> kCommentFields = {{"text", FieldType::kString, true}};
// A comment is a note, not a document: longer text belongs in the answer's reason or elsewhere.
constexpr std::size_t kMaxCommentBytes = 4000;

Response ok(const json& body) {
  Response r;
  r.body = body.dump();
  return r;
}

std::string agency_of(const AppContext& ctx, const std::string& dataset_id) {
  if (!ctx.workflow.catalogue) return {};
  const auto* dataset = ctx.workflow.catalogue->dataset(dataset_id);
  return dataset ? dataset->agency.code : std::string();
}

json finding_json(const engine::store::TaskFinding& f) {
  auto out = handlers::finding_json(f.finding);
  out["outcome"] = optional_text(f.outcome);
  return out;
}

// Whether `dataset` is the catalogue's authoritative source of `attribute` (Art. 19 ¶3).
bool authoritative(const AppContext& ctx, const std::string& dataset, const std::string& attribute) {
  if (!ctx.workflow.catalogue) return false;
  const auto* def = ctx.workflow.catalogue->attribute(attribute);
  return def && !def->authoritative_source.empty() && def->authoritative_source == dataset;
}

json value_json(const AppContext& ctx, const std::string& subject, const std::string& dataset, const std::string& record,
                const std::string& attribute, const std::string& value) {
  return {{"subject_id", subject},
          {"dataset_id", dataset},
          {"agency_code", optional_text(agency_of(ctx, dataset))},
          {"record_key", record},
          {"attribute", attribute},
          {"value", value},
          {"authoritative", authoritative(ctx, dataset, attribute)}};
}

// The claim of a dispute task: the disputed attribute, the party's value and description, and
// the authoritative value of the attribute among the evidence (null when none is known).
json claim_json(const json& dispute, const json& values) {
  json authoritative_value = nullptr;
  for (const auto& v : values)
    if (v["authoritative"] == true && v["attribute"] == dispute["attribute"])
      authoritative_value = {{"dataset_id", v["dataset_id"]}, {"record_key", v["record_key"]}, {"value", v["value"]}};
  return {{"attribute", dispute["attribute"]},
          {"claimed_value", dispute["claimed_value"]},
          {"description", dispute["description"]},
          {"authoritative_value", std::move(authoritative_value)}};
}

// What every action by the assignee starts with: the body (400/422), the task (404 when not
// visible) and the caller being its assignee (403, naming `what`).
struct AssigneeAction {
  json body;
  Task task;
};
std::variant<AssigneeAction, Response> assignee_action(const Request& request, AppContext& ctx,
                                                      const std::vector<FieldSpec>& fields, const std::string& what) {
  auto parsed = parse_body(request, fields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  auto& task = std::get<Task>(visible);
  if (!acts_for(*request.caller, task)) return not_yours(task, what);
  return AssigneeAction{std::move(std::get<json>(parsed)), std::move(task)};
}

// A route that takes no fields: an empty body or an empty object; else the 400/422.
std::optional<Response> refuse_fields(const Request& request) {
  if (request.body.empty()) return std::nullopt;
  auto parsed = parse_body(request, {});
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  return std::nullopt;
}

}  // namespace

// GET /v1/tasks
Response list_tasks(const Request& request, AppContext& ctx) {
  auto paging = page_query(request);
  if (auto* refusal = std::get_if<Response>(&paging)) return std::move(*refusal);
  const auto& caller = *request.caller;
  const auto now = ctx.clock->now();

  QueryReader q(request);
  engine::store::TaskFilter filter;
  filter.now = now;
  if (caller.role == Role::kAgency) filter.visible_to = caller.agency_code;
  filter.assignee = q.text("assignee").value_or("");
  if (auto status = q.choice("status", task_status_names())) filter.status = engine::tasks::parse_status(*status);
  if (auto kind = q.choice("kind", task_kind_names())) filter.kind = engine::tasks::parse_kind(*kind);
  filter.dataset_id = q.text("dataset").value_or("");
  filter.due_before = q.local_instant("due_before");
  filter.overdue = q.boolean("overdue");
  // assigned_to: "me" (the person the token names), "none" (the whole unit's), or a staff id.
  const auto assigned_to = q.text("assigned_to").value_or("");
  if (auto refusal = q.refusal()) return *refusal;
  if (assigned_to == "me" && caller.staff_id.empty())
    return bad_parameter("assigned_to", "me needs a token that names a person; this one acts for its whole unit");
  if (assigned_to == "none") filter.unassigned = true;
  else filter.assigned_to = assigned_to == "me" ? caller.staff_id : assigned_to;
  if (!filter.dataset_id.empty() && ctx.workflow.catalogue && !ctx.workflow.catalogue->dataset(filter.dataset_id))
    return bad_parameter("dataset", "not a dataset of the catalogue");

  const auto page = engine::store::TaskQueue(ctx.database_url).list(filter, std::get<engine::store::PageQuery>(paging));
  return page_text_response(page, [&](std::string& out, const Task& t) { append_task_json(out, t, now); });
}

// GET /v1/tasks/{id}: the task, its findings, its dispute and the subject's values.
Response get_task(const Request& request, AppContext& ctx) {
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& task = std::get<Task>(visible);
  const auto now = ctx.clock->now();

  engine::store::TaskQueue queue(ctx.database_url);
  json findings = json::array();
  json values = json::array();
  std::set<std::string> subjects;
  for (const auto& f : queue.findings(task.id)) {
    findings.push_back(finding_json(f));
    if (!f.finding.subject_id.empty()) subjects.insert(f.finding.subject_id);
  }
  json dispute = nullptr;
  if (task.dispute_id) {
    engine::store::DisputeStore disputes(ctx.database_url);
    const auto view = disputes.view(*task.dispute_id);
    dispute = dispute_json(view);
    subjects.insert(view.subject_id);
    // What the party's values were when the dispute was filed: the evidence the answer rests on,
    // with the party's claim beside each agency's value of the disputed attribute.
    for (const auto& v : disputes.evidence(*task.dispute_id)) {
      auto value = value_json(ctx, view.subject_id, v.value("dataset", ""), v.value("record", ""),
                              v.value("attribute", ""), v.value("value", ""));
      if (!view.attribute.empty() && value["attribute"] == view.attribute)
        value["claimed_value"] = optional_text(view.claimed_value);
      values.push_back(std::move(value));
    }
  } else {
    for (const auto& v : queue.values(task.id))
      values.push_back(value_json(ctx, v.subject_id, v.dataset_id, v.record_key, v.attribute, v.value));
  }

  std::vector<engine::store::AccessEntry> reads;
  for (const auto& s : subjects) reads.push_back({"read_task", request.path, s, request.route});
  engine::store::record_access(ctx.database_url, *request.caller, reads, now);

  json comments = json::array();
  for (const auto& e : engine::store::TaskStore(ctx.database_url).events(task.id))
    if (e.action == engine::tasks::action_name(engine::tasks::TaskAction::kComment)) comments.push_back(comment_json(e));

  auto body = task_json(task, now);
  body["comments"] = std::move(comments);
  body["findings"] = std::move(findings);
  // The claim the agency verifies, in full (this read is logged): the value the party says is
  // right and why, and the authoritative source's value of that attribute when there is one.
  if (task.dispute_id) body["claim"] = claim_json(dispute, values);
  body["dispute"] = std::move(dispute);
  body["values"] = std::move(values);
  body["values_source"] = task.dispute_id ? "dispute_evidence" : "canonical_values";
  return ok(body);
}

// GET /v1/tasks/{id}/events: the whole history, oldest first (tasks have dozens of events at
// most, so it is not paged).
Response task_events(const Request& request, AppContext& ctx) {
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  json items = json::array();
  for (const auto& e : engine::store::TaskStore(ctx.database_url).events(std::get<Task>(visible).id))
    items.push_back(event_json(e));
  return ok({{"items", std::move(items)}});
}

// POST /v1/tasks/{id}/answer
Response answer_task(const Request& request, AppContext& ctx) {
  auto action = assignee_action(request, ctx, kAnswerFields, "answering");
  if (auto* refusal = std::get_if<Response>(&action)) return std::move(*refusal);
  const auto& [body, task] = std::get<AssigneeAction>(action);

  const auto now = ctx.clock->now();
  const auto after = engine::tasks::TaskDesk(ctx.database_url, ctx.workflow)
                         .answer(task, string_field(body, "answer"), string_field(body, "reason"),
                                 actor_of(*request.caller), now);
  return ok(task_json(after, now));
}

// POST /v1/tasks/{id}/extension
Response request_extension(const Request& request, AppContext& ctx) {
  auto action = assignee_action(request, ctx, kExtensionFields, "asking to extend");
  if (auto* refusal = std::get_if<Response>(&action)) return std::move(*refusal);
  const auto& [body, task] = std::get<AssigneeAction>(action);

  const auto amount = body.contains("amount") ? std::optional(body["amount"].get<std::int64_t>()) : std::nullopt;
  const auto now = ctx.clock->now();
  return ok(
      task_json(engine::tasks::TaskDesk(ctx.database_url, ctx.workflow)
                    .request_extension(task.id, amount, string_field(body, "reason"), actor_of(*request.caller), now),
                now));
}

// POST /v1/tasks/{id}/extension/decision: by the role the profile names as the approver,
// recorded by name (the statute's "approved by the head" is a person, not a token).
Response decide_extension(const Request& request, AppContext& ctx) {
  auto parsed = parse_body(request, kDecisionFields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  const auto& body = std::get<json>(parsed);
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& task = std::get<Task>(visible);
  const auto& caller = *request.caller;

  const auto approver = engine::tasks::extension_approver(*ctx.workflow.profile, task);  // 409 when none
  if (auto refusal = engine::tasks::refusal_to_decide(approver, caller, task)) return problem(403, "Forbidden", *refusal);
  const auto now = ctx.clock->now();
  // Optional: a token naming the head records the head's registered name; "" counts as absent.
  const auto typed_name = string_field(body, "approver_name");
  const auto approver_name = typed_name.empty() ? std::nullopt : std::optional<std::string>(typed_name);
  return ok(task_json(engine::tasks::TaskDesk(ctx.database_url, ctx.workflow)
                          .decide_extension(task, approver, actor_of(caller), body["approve"].get<bool>(),
                                            string_field(body, "reason"), approver_name, now),
                      now));
}

// POST /v1/tasks/{id}/start: the assignee acknowledges the task (open or reopened to in_progress).
Response start_task(const Request& request, AppContext& ctx) {
  if (auto refusal = refuse_fields(request)) return std::move(*refusal);
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& task = std::get<Task>(visible);
  if (!acts_for(*request.caller, task)) return not_yours(task, "starting");
  const auto now = ctx.clock->now();
  return ok(task_json(
      engine::tasks::TaskDesk(ctx.database_url, ctx.workflow).start(task.id, actor_of(*request.caller), now), now));
}

// POST /v1/tasks/{id}/assign {"staff_id"}: to a member of the assignee's staff register, again
// to reassign.
Response assign_task(const Request& request, AppContext& ctx) {
  auto action = assignee_action(request, ctx, kAssignFields, "assigning");
  if (auto* refusal = std::get_if<Response>(&action)) return std::move(*refusal);
  const auto& [body, task] = std::get<AssigneeAction>(action);
  const auto staff_id = string_field(body, "staff_id");
  if (staff_id.empty()) return invalid({{"/staff_id", "must not be empty", ""}});
  const auto now = ctx.clock->now();
  return ok(task_json(engine::tasks::TaskDesk(ctx.database_url, ctx.workflow)
                          .assign(task.id, staff_id, actor_of(*request.caller), now),
                      now));
}

// POST /v1/tasks/{id}/comments {"text"}: 201 with the comment; by the assignee or the authority.
Response comment_task(const Request& request, AppContext& ctx) {
  auto parsed = parse_body(request, kCommentFields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  const auto text = string_field(std::get<json>(parsed), "text");
  if (text.size() > kMaxCommentBytes)
    return invalid({{"/text", "at most " + std::to_string(kMaxCommentBytes) + " bytes", ""}});
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& task = std::get<Task>(visible);
  const auto now = ctx.clock->now();
  Response r = ok(comment_json(
      engine::tasks::TaskDesk(ctx.database_url, ctx.workflow).comment(task.id, text, actor_of(*request.caller), now)));
  r.status = 201;
  return r;
}

// POST /v1/tasks/{id}/forward: 201 with the agency's new verify_dispute task.
Response forward_task(const Request& request, AppContext& ctx) {
  if (auto refusal = refuse_fields(request)) return std::move(*refusal);
  auto visible = visible_task(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& task = std::get<Task>(visible);
  if (!acts_for(*request.caller, task)) return not_yours(task, "forwarding");
  const auto now = ctx.clock->now();
  const auto next =
      engine::disputes::DisputeDesk(ctx.database_url, ctx.workflow).forward(task.id, actor_of(*request.caller), now);
  Response r = ok(task_json(next, now));
  r.status = 201;
  r.headers.emplace_back("Location", "/v1/tasks/" + std::to_string(next.id));
  return r;
}

RouteSchema list_tasks_schema() {
  RouteSchema s{nullptr, page_schema(schema::closed(task_schema())), 200};
  s.query = std::vector<QueryParameter>{
                query::choice("status", task_status_names(), "Only tasks in this status"),
                query::choice("kind", task_kind_names(), "Only tasks of this kind"),
                query::text("dataset", "Only tasks about this dataset of the catalogue"),
                query::text("assignee", "Only tasks assigned to this agency code (or the authority)"),
                query::text("assigned_to", "me (the person the token names), none (the whole unit's) or a staff id"),
                query::instant("due_before", "Only tasks due before this instant"),
                query::boolean("overdue", "Only overdue (true) or only not overdue (false) tasks")} +
            query::page();
  return s;
}

// The task read: the task with its comments, findings, dispute (and the party's claim) and the
// values the answer rests on.
RouteSchema get_task_schema() {
  using namespace schema;
  json value = shape({{"subject_id", text()},
                      {"dataset_id", text()},
                      {"agency_code", nullable(text())},
                      {"record_key", text()},
                      {"attribute", text()},
                      {"value", text()},
                      {"authoritative", boolean()},
                      {"claimed_value", nullable(text())}},
                     {"claimed_value"});
  value["additionalProperties"] = false;
  const json claim =
      record({{"attribute", nullable(text())},
              {"claimed_value", nullable(text())},
              {"description", text()},
              {"authoritative_value",
               nullable(record({{"dataset_id", text()}, {"record_key", text()}, {"value", text()}}))}});
  const json detail =
      closed(task_schema(),
             {{"comments", {{"type", "array"}, {"items", closed(comment_schema())}}},
              {"findings", {{"type", "array"}, {"items", closed(finding_schema(), {{"outcome", nullable(text())}}, {"outcome"})}}},
              {"claim", claim},
              {"dispute", nullable(closed(dispute_schema()))},
              {"values", {{"type", "array"}, {"items", value}}},
              {"values_source", {{"enum", {"dispute_evidence", "canonical_values"}}}}},
             {"comments", "findings", "dispute", "values", "values_source"});
  return {nullptr, detail, 200};
}

RouteSchema task_events_schema() {
  return {nullptr, schema::record({{"items", {{"type", "array"}, {"items", schema::closed(event_schema())}}}}), 200};
}

// The actions answer the task as it is after them (forward: the agency's new task).
RouteSchema start_task_schema() { return {nullptr, schema::closed(task_schema()), 200}; }
RouteSchema assign_task_schema() { return {body_schema(kAssignFields), schema::closed(task_schema()), 200}; }
RouteSchema comment_task_schema() { return {body_schema(kCommentFields), schema::closed(comment_schema()), 201}; }
RouteSchema answer_task_schema() { return {body_schema(kAnswerFields), schema::closed(task_schema()), 200}; }
RouteSchema request_extension_schema() { return {body_schema(kExtensionFields), schema::closed(task_schema()), 200}; }
RouteSchema decide_extension_schema() { return {body_schema(kDecisionFields), schema::closed(task_schema()), 200}; }
RouteSchema forward_task_schema() { return {nullptr, schema::closed(task_schema()), 201}; }

}  // namespace jiaohe::api::handlers
