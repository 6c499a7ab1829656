#pragma once
// GET /v1/me: who the caller's token is (its role, its unit, the person it names and whether
// that person heads the agency), so that a client offers only what the token may do: the
// console shows the extension decision to a head who did not ask for it, and "assigned to me"
// only to a token that names a person. It answers nothing the token does not already carry;
// a citizen's identifier comes masked, as in every list.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response who_am_i(const Request& request, AppContext& ctx);
RouteSchema who_am_i_schema();

}  // namespace jiaohe::api::handlers
