#include "api/handlers/dispute_followup.hpp"

#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers/dispute_json.hpp"
#include "api/handlers/task_access.hpp"
#include "api/json_body.hpp"
#include "api/pagination.hpp"
#include "api/response_schema.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "engine/error.hpp"
#include "engine/log/mask.hpp"
#include "engine/store/access_log.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/disputes/publication.hpp"
#include "engine/store/dispute_store.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::auth::Role;
using nlohmann::json;

const std::vector<std::string> kStatusNames = {"open", "resolved", "appealed", "closed"};
const std::vector<std::string> kKindNames = {"dispute", "withdrawal"};

const std::vector<FieldSpec> kAppealFields = {{"reason", FieldType::kString, true}};

}  // namespace

// GET /v1/disputes: newest first, each as GET /v1/disputes/{id} without its history.
Response list_disputes(const Request& request, AppContext& ctx) {
  auto paging = page_query(request);
  if (auto* refusal = std::get_if<Response>(&paging)) return std::move(*refusal);
  const auto& caller = *request.caller;

  QueryReader q(request);
  engine::disputes::DisputeFilter filter;
  if (caller.role == Role::kCitizen) filter.subject_id = caller.subject_id;
  if (caller.role == Role::kAgency) filter.agency = caller.agency_code;
  filter.status = q.choice("status", kStatusNames).value_or("");
  filter.kind = q.choice("kind", kKindNames).value_or("");
  // `publication=suspended`: the records the open-data platform must not publish now (Art. 44).
  filter.publication = q.choice("publication", engine::disputes::publication_names()).value_or("");
  filter.dataset_id = q.text("dataset").value_or("");
  if (auto refusal = q.refusal()) return *refusal;
  if (!filter.dataset_id.empty() && ctx.workflow.catalogue && !ctx.workflow.catalogue->dataset(filter.dataset_id))
    return bad_parameter("dataset", "not a dataset of the catalogue");

  const auto page = engine::store::DisputeStore(ctx.database_url).list(filter, std::get<engine::store::PageQuery>(paging));
  std::vector<engine::store::AccessEntry> reads;
  for (const auto& v : page.items) reads.push_back({"list_disputes", request.path, v.subject_id, request.route});
  engine::store::record_access(ctx.database_url, caller, reads, ctx.clock->now());
  // Staff lists show masked identifiers: the full one is in the dispute's (logged) detail read.
  const bool staff = caller.role != Role::kCitizen;
  return page_response(page, [staff](const engine::disputes::DisputeView& v) {
    auto j = dispute_json(v);
    j.erase("history");
    if (staff) {
      j["subject_id"] = engine::log::mask_identifier(v.subject_id);
      if (!v.claimed_value.empty()) j["claimed_value"] = engine::log::mask_identifiers(v.claimed_value);
      j["description"] = engine::log::mask_identifiers(v.description);
    }
    return j;
  });
}

// POST /v1/disputes/{id}/appeal: 200 with the dispute, now appealed and under review.
Response appeal_dispute(const Request& request, AppContext& ctx) {
  auto parsed = parse_body(request, kAppealFields);
  if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
  const auto reason = string_field(std::get<json>(parsed), "reason");

  // The party appeals; the authority may do it on the party's behalf, as it files for it (the
  // route admits only those two roles).
  auto visible = visible_dispute(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto id = std::get<engine::disputes::DisputeView>(visible).id;
  if (reason.empty()) return invalid({{"/reason", "must not be empty", ""}});

  engine::disputes::DisputeDesk disputes(ctx.database_url, ctx.workflow);
  disputes.appeal(id, reason, ctx.clock->now());
  Response r;
  r.body = dispute_json(disputes.view(id)).dump();
  return r;
}

RouteSchema list_disputes_schema() {
  RouteSchema s{nullptr, page_schema(schema::closed(dispute_schema())), 200};
  s.query = std::vector<QueryParameter>{query::choice("status", kStatusNames, "Only disputes in this status"),
                                        query::choice("kind", kKindNames, "Only disputes or only withdrawal requests"),
                                        query::choice("publication", engine::disputes::publication_names(),
                                                      "suspended: the records the open-data platform must not publish now"),
                                        query::text("dataset", "Only disputes about this dataset of the catalogue")} +
            query::page();
  return s;
}

RouteSchema appeal_dispute_schema() { return {body_schema(kAppealFields), schema::closed(dispute_schema()), 200}; }

}  // namespace jiaohe::api::handlers
