#pragma once
#include "api/app_context.hpp"
#include "api/http.hpp"

namespace jiaohe::api::handlers {

Response health(const Request& request, AppContext& ctx);

}  // namespace jiaohe::api::handlers
