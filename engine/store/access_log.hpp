#pragma once
// Staff reads of personal data (a subject's dispute, values, evidence) are recorded, so that a
// party and the authority can see who looked at what and when (Art. 20, 39). The table is
// append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); each entry names who (the token,
// its role and agency), what (the action and the resource read), whose data (the subject) and
// why (the route that served the read).
#include <string>
#include <vector>

#include "engine/auth/caller.hpp"
#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct AccessEntry {
  std::string action;    // e.g. "read_dispute"
  std::string resource;  // e.g. "/v1/disputes/12"
  std::string subject_id;
  std::string route;     // e.g. "GET /v1/disputes/{id}"
};

// Appends one row to access_log for `caller` (own reads by a citizen are not recorded).
void record_access(const std::string& url, const auth::Caller& caller, const AccessEntry& entry, Instant now);
// Several at once, in one transaction (a page of disputes, the subjects of a task's findings).
void record_access(const std::string& url, const auth::Caller& caller, const std::vector<AccessEntry>& entries,
                   Instant now);

}  // namespace jiaohe::engine::store
