#include "api/authenticate.hpp"

#include <algorithm>
#include <cctype>

#include "api/problem.hpp"
#include "engine/store/token_store.hpp"

namespace jiaohe::api {
namespace {

// The token of "Bearer <token>" (scheme case-insensitive, RFC 6750), or empty.
std::string bearer_token(const std::string& header) {
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return {};
  auto token = header.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.erase(0, 1);
  while (!token.empty() && token.back() == ' ') token.pop_back();
  return token;
}

Response unauthorized(const std::string& detail, bool token_given) {
  auto r = problem(401, "Unauthorized", detail);
  r.headers.emplace_back("WWW-Authenticate", token_given ? "Bearer error=\"invalid_token\"" : "Bearer");
  return r;
}

}  // namespace

std::optional<Response> authenticate(const Route& route, Request& request, AppContext& context) {
  if (route.roles.empty()) return std::nullopt;
  const auto header = request.header("authorization");
  const auto token = bearer_token(header);
  if (token.empty()) return unauthorized("this resource needs an 'Authorization: Bearer <token>' header", !header.empty());
  const auto now = context.clock->now();
  auto caller = context.tokens->find(token, now, [&](const std::string& t) {
    return engine::store::TokenStore(context.database_url).authenticate(t, now);
  });
  if (!caller) return unauthorized("the token is unknown, revoked or expired", true);
  if (std::find(route.roles.begin(), route.roles.end(), caller->role) == route.roles.end())
    return problem(403, "Forbidden", "a " + engine::auth::role_name(caller->role) + " token may not " + route.method +
                                         " " + route.pattern);
  request.caller = std::move(caller);
  return std::nullopt;
}

}  // namespace jiaohe::api
