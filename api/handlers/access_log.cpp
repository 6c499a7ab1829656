#include "api/handlers/access_log.hpp"

#include <nlohmann/json.hpp>

#include "api/pagination.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/store/access_queries.hpp"

namespace jiaohe::api::handlers {

using nlohmann::json;

json agency_name(const AppContext& ctx, const std::string& code) {
  if (code.empty() || !ctx.workflow.catalogue) return nullptr;
  for (const auto& d : ctx.workflow.catalogue->datasets)
    if (d.agency.code == code) return d.agency.name;
  return nullptr;
}

// GET /v1/me/access-log
Response my_access_log(const Request& request, AppContext& ctx) {
  auto page = page_query(request);
  if (auto* refusal = std::get_if<Response>(&page)) return std::move(*refusal);
  const auto reads = engine::store::reads_of_subject(ctx.database_url, request.caller->subject_id,
                                                     std::get<engine::store::PageQuery>(page));
  return page_response(reads, [&](const engine::store::AccessRead& a) {
    return json{{"id", a.id},
                {"at", engine::calendar::format_instant(a.at)},
                {"role", a.role},
                {"agency_code", a.agency_code.empty() ? json(nullptr) : json(a.agency_code)},
                {"agency", agency_name(ctx, a.agency_code)},
                {"token_id", a.token_id},
                {"action", a.action},
                {"resource", a.resource},
                {"route", a.route.empty() ? json(nullptr) : json(a.route)}};
  });
}

RouteSchema my_access_log_schema() {
  using namespace schema;
  RouteSchema s{nullptr,
                page_schema(record({{"id", integer()},
                                    {"at", instant()},
                                    {"role", text()},
                                    {"agency_code", nullable(text())},
                                    {"agency", nullable(text())},
                                    {"token_id", integer()},
                                    {"action", text()},
                                    {"resource", text()},
                                    {"route", nullable(text())}})),
                200};
  s.query = query::page();
  return s;
}

}  // namespace jiaohe::api::handlers
