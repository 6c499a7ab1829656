#pragma once
// The party's claim as every notification about its dispute carries it (task_opened, reminder,
// overdue, result): what the agency verifies travels with the work, not only in the database.
#include <nlohmann/json.hpp>

#include "engine/disputes/dispute_writes.hpp"

namespace jiaohe::engine::disputes {

// {"attribute", "claimed_value", "description"}, null for what the party left out. A webhook
// leaves the process, so identifiers in the party's texts are masked; the full texts are in the
// dispute's and the task's (logged) detail reads.
nlohmann::json claim_payload(const DisputeRecord& dispute);

}  // namespace jiaohe::engine::disputes
