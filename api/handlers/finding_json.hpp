#pragma once
// A finding as the API shows it, in the finding endpoints and in a task's evidence.
#include <nlohmann/json.hpp>

#include "engine/store/finding_queries.hpp"

namespace jiaohe::api::handlers {

// With "evidence" when the record carries it (single findings, a task's findings).
nlohmann::json finding_json(const engine::store::FindingRecord& f);
// Its JSON Schema, for /openapi.json: the component Finding.
nlohmann::json finding_schema();

}  // namespace jiaohe::api::handlers
