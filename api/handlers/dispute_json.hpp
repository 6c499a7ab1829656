#pragma once
// A dispute as GET /v1/disputes/{id} answers it; lists leave out `history`.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/disputes/dispute.hpp"

namespace jiaohe::api::handlers {

nlohmann::json dispute_json(const engine::disputes::DisputeView& v);
// The same document as text, appended to `out` (the filing's and the read's answers: no tree).
void append_dispute_json(std::string& out, const engine::disputes::DisputeView& v);
// Its JSON Schema, for /openapi.json: the component Dispute.
nlohmann::json dispute_schema();
// The names of a dispute's statuses, as answers and filters spell them.
const std::vector<std::string>& dispute_status_names();

}  // namespace jiaohe::api::handlers
