#pragma once
// GET /v1/flags: the live 异议标注 flags of one subject (?subject=) or of one record
// (?dataset=&record=): whether the record is under verification (disputed, or a finding on it
// is open) and by which task. A citizen reads only its own subject's flags; an agency those of
// its datasets or of the tasks it verifies; the authority all. Staff answers mask the subject
// and are recorded in access_log (action read_flags).
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response list_flags(const Request& request, AppContext& ctx);
RouteSchema list_flags_schema();

}  // namespace jiaohe::api::handlers
