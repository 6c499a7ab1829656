#include "api/agency_scope.hpp"

#include "api/problem.hpp"

namespace jiaohe::api {

std::variant<std::string, Response> agency_scope(const Request& request) {
  const auto& caller = *request.caller;
  const auto it = request.query.find("agency");
  const std::string named = it == request.query.end() ? std::string() : it->second;
  if (caller.role != engine::auth::Role::kAgency) return named;
  if (!named.empty() && named != caller.agency_code)
    return problem(403, "Forbidden", "an agency sees only its own data; only the authority filters by agency");
  return caller.agency_code;
}

QueryParameter agency_parameter() {
  // Empty is all agencies (the authority) or the caller's own (an agency), as if absent.
  return {"agency", {{"type", "string"}},
          "The authority: only this agency's data (empty or absent: all). An agency: its own code or empty "
          "(another code is a 403)"};
}

}  // namespace jiaohe::api
