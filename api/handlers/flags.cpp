#include "api/handlers/flags.hpp"

#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers/json_fields.hpp"
#include "api/pagination.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/response_schema.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/error.hpp"
#include "engine/ids/subject_check.hpp"
#include "engine/log/mask.hpp"
#include "engine/store/access_log.hpp"
#include "engine/store/task_store.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::auth::Role;
using engine::tasks::VerificationFlag;
using nlohmann::json;

// An agency sees the flags on its own datasets and those of the tasks it must act on.
bool may_see(const engine::auth::Caller& caller, const AppContext& ctx, const VerificationFlag& f) {
  switch (caller.role) {
    case Role::kAuthority: return true;
    case Role::kCitizen: return f.subject_id == caller.subject_id;
    case Role::kAgency: {
      if (f.assignee == caller.agency_code) return true;
      const auto* dataset = ctx.workflow.catalogue ? ctx.workflow.catalogue->dataset(f.dataset_id) : nullptr;
      return dataset && dataset->agency.code == caller.agency_code;
    }
    case Role::kAdmin: return false;
  }
  return false;
}

}  // namespace

// GET /v1/flags?subject= | ?dataset=&record=
Response list_flags(const Request& request, AppContext& ctx) {
  QueryReader q(request);
  auto subject = q.text("subject");
  const auto dataset = q.text("dataset");
  const auto record = q.text("record");
  if (auto refusal = q.refusal()) return *refusal;
  const auto& caller = *request.caller;
  const auto now = ctx.clock->now();

  // A citizen asking nothing asks about itself.
  if (!subject && !dataset && !record && caller.role == Role::kCitizen) subject = caller.subject_id;
  if (subject && (dataset || record)) return bad_parameter("subject", "ask by subject or by dataset and record, not both");
  if (!subject && !(dataset && record))
    return bad_parameter(dataset ? "record" : "dataset", "name a subject (subject) or a record (dataset and record)");
  if (dataset && ctx.workflow.catalogue && !ctx.workflow.catalogue->dataset(*dataset))
    return bad_parameter("dataset", "not a dataset of the catalogue");
  std::string normalised;
  if (subject) {
    const auto check = engine::ids::check_subject(*subject, now);
    if (!check.valid) return bad_parameter("subject", "not a valid citizen ID number or credit code");
    normalised = std::string(check.value());
    if (caller.role == Role::kCitizen && normalised != caller.subject_id)
      return problem(403, "Forbidden", "a citizen token reads only the flags of its own identifier");
  }

  const engine::store::TaskStore store(ctx.database_url);
  const auto flags = subject ? store.flags_for_subject(normalised) : store.flags_for_record(*dataset, *record);
  const bool staff = caller.role != Role::kCitizen;
  json items = json::array();
  std::set<std::string> subjects;
  for (const auto& f : flags) {
    if (!may_see(caller, ctx, f)) continue;
    if (!f.subject_id.empty()) subjects.insert(f.subject_id);
    items.push_back({{"task_id", f.task_id},
                     {"assignee", f.assignee},
                     {"subject_id", f.subject_id.empty()  ? json()
                                    : staff               ? json(engine::log::mask_identifier(f.subject_id))
                                                          : json(f.subject_id)},
                     {"dataset_id", optional_text(f.dataset_id)},
                     {"record_key", optional_text(f.record_key)},
                     {"attribute", optional_text(f.attribute)},
                     {"set_at", engine::calendar::format_instant(f.set_at)}});
  }
  std::vector<engine::store::AccessEntry> reads;
  for (const auto& s : subjects) reads.push_back({"read_flags", request.path, s, request.route});
  engine::store::record_access(ctx.database_url, caller, reads, now);

  Response r;
  r.body = json{{"flagged", !items.empty()}, {"items", std::move(items)}}.dump();
  return r;
}

RouteSchema list_flags_schema() {
  using namespace schema;
  const json flag = component(
      "Flag", shape({{"task_id", integer()},
                     {"assignee", text()},
                     {"subject_id", {{"type", json::array({"string", "null"})},
                                     {"description", "masked for staff; in full for the citizen it is about"}}},
                     {"dataset_id", nullable(text())},
                     {"record_key", nullable(text())},
                     {"attribute", nullable(text())},
                     {"set_at", instant()}}));
  RouteSchema s{nullptr, record({{"flagged", boolean()}, {"items", {{"type", "array"}, {"items", closed(flag)}}}}), 200};
  s.problems = {400};
  s.query = {query::text("subject", "A citizen ID number or credit code (a citizen: its own, the default)"),
             query::text("dataset", "With record: a dataset of the catalogue"),
             query::text("record", "With dataset: the record's key")};
  return s;
}

}  // namespace jiaohe::api::handlers
