#pragma once
// Bearer-token authentication in front of every route that names roles: the one place that
// reads the Authorization header. Public routes (no roles) are passed through untouched.
#include <optional>

#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api {

// Sets request.caller and returns nullopt when the route may run; otherwise the answer:
// 401 (with WWW-Authenticate: Bearer) for a missing, unknown, revoked or expired token, 403
// when the caller's role may not use the route at all. Per-resource refusals (another
// citizen's dispute) are the handler's, answered 404 so ids cannot be probed.
std::optional<Response> authenticate(const Route& route, Request& request, AppContext& context);

}  // namespace jiaohe::api
