#include "api/handlers/dataset_publication.hpp"

#include <nlohmann/json.hpp>

#include "api/pagination.hpp"
#include "api/query_reader.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/store/publication_queries.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::auth::Role;
using nlohmann::json;

const std::vector<std::string> kStates = {"suspended", "resumed"};

bool may_see(const engine::auth::Caller& caller, const AppContext& ctx, const std::string& dataset_id) {
  if (caller.role == Role::kAuthority) return true;
  const auto* dataset = ctx.workflow.catalogue ? ctx.workflow.catalogue->dataset(dataset_id) : nullptr;
  return caller.role == Role::kAgency && dataset && dataset->agency.code == caller.agency_code;
}

}  // namespace

// GET /v1/datasets/publication?state=&dataset=
Response list_dataset_publication(const Request& request, AppContext& ctx) {
  QueryReader q(request);
  const auto state = q.choice("state", kStates);
  const auto dataset = q.text("dataset");
  if (auto refusal = q.refusal()) return *refusal;
  if (dataset && ctx.workflow.catalogue && !ctx.workflow.catalogue->dataset(*dataset))
    return bad_parameter("dataset", "not a dataset of the catalogue");
  const auto& caller = *request.caller;
  json items = json::array();
  for (const auto& p : engine::store::dataset_publications(ctx.database_url, state, dataset)) {
    if (!may_see(caller, ctx, p.dataset_id)) continue;
    const auto* d = ctx.workflow.catalogue ? ctx.workflow.catalogue->dataset(p.dataset_id) : nullptr;
    items.push_back({{"dataset_id", p.dataset_id},
                     {"title", d ? json(d->title) : json()},
                     {"agency", d ? json(d->agency.code) : json()},
                     {"state", p.state},
                     {"since", engine::calendar::format_instant(p.since)},
                     {"task_id", p.task_id},
                     {"open_tasks", p.open_tasks}});
  }
  Response r;
  r.body = json{{"items", std::move(items)}}.dump();
  return r;
}

RouteSchema list_dataset_publication_schema() {
  using namespace schema;
  const json item = record({{"dataset_id", text()},
                            {"title", nullable(text())},
                            {"agency", nullable(text())},
                            {"state", {{"type", "string"}, {"enum", kStates}}},
                            {"since", instant()},
                            {"task_id", integer()},
                            {"open_tasks", {{"type", "array"}, {"items", integer()}}}});
  RouteSchema s{nullptr, record({{"items", {{"type", "array"}, {"items", item}}}}), 200};
  s.problems = {400};
  s.query = {query::choice("state", kStates, "suspended: the datasets the open-data platform must not publish now"),
             query::text("dataset", "A dataset of the catalogue")};
  return s;
}

}  // namespace jiaohe::api::handlers
