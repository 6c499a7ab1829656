#pragma once
// A dispute as GET /v1/disputes/{id} answers it; lists leave out `history`.
#include <nlohmann/json.hpp>

#include "engine/disputes/dispute.hpp"

namespace jiaohe::api::handlers {

nlohmann::json dispute_json(const engine::disputes::DisputeView& v);
// Its JSON Schema, for /openapi.json.
nlohmann::json dispute_schema();

}  // namespace jiaohe::api::handlers
