#include "api/query_params.hpp"

#include "api/pagination.hpp"
#include "api/problem.hpp"

namespace jiaohe::api {

using engine::auth::Role;

std::optional<std::int64_t> parse_id(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const auto id = std::stoll(text);
  return id > 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

std::variant<std::int64_t, Response> id_param(const Request& request, const std::string& name) {
  const auto it = request.query.find(name);
  if (it == request.query.end()) return std::int64_t{0};
  if (auto id = parse_id(it->second)) return *id;
  return bad_parameter(name, "must be a positive whole number");
}

std::variant<std::optional<engine::calendar::LocalDay>, Response> date_param(const Request& request,
                                                                            const std::string& name) {
  const auto it = request.query.find(name);
  if (it == request.query.end()) return std::optional<engine::calendar::LocalDay>();
  if (auto day = engine::calendar::parse_date(it->second)) return day;
  return bad_parameter(name, "must be a date YYYY-MM-DD");
}

std::variant<std::string, Response> choice_param(const Request& request, const std::string& name,
                                                 const std::vector<std::string>& allowed) {
  const auto it = request.query.find(name);
  if (it == request.query.end()) return std::string();
  for (const auto& a : allowed)
    if (it->second == a) return a;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return bad_parameter(name, "must be one of " + list);
}

std::variant<std::string, Response> agency_scope(const Request& request) {
  const auto& caller = *request.caller;
  const auto it = request.query.find("agency");
  const std::string named = it == request.query.end() ? std::string() : it->second;
  if (caller.role != Role::kAgency) return named;
  if (!named.empty() && named != caller.agency_code)
    return problem(403, "Forbidden", "an agency sees only its own data; only the authority filters by agency");
  return caller.agency_code;
}

}  // namespace jiaohe::api
