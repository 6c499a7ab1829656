#pragma once
// What access_log tells the people it is kept for (Art. 20, 39): a party, every staff read of
// its data; the authority, how much personal data each agency read in a period.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/store/page.hpp"

namespace jiaohe::engine::store {

struct AccessRead {
  std::int64_t id = 0;
  Instant at;
  std::int64_t token_id = 0;
  std::string role, agency_code;  // agency_code empty for the authority's own staff
  std::string action, resource, route;
};

// The reads of `subject_id`'s data, newest first.
Page<AccessRead> reads_of_subject(const std::string& url, const std::string& subject_id, const PageQuery& page);

// Empty agency and unset instants mean any; [from, to) bounds the read's instant.
struct AccessFilter {
  std::string agency;
  std::optional<Instant> from, to;
};

struct ReaderAccess {
  std::string role, agency_code;
  std::int64_t reads = 0, subjects = 0;         // entries, and distinct subjects among them
  std::map<std::string, std::int64_t> actions;  // entries per action
};

// One row per reader (role and agency) with reads in the filter, ordered by role and agency.
std::vector<ReaderAccess> access_by_reader(const std::string& url, const AccessFilter& filter);

}  // namespace jiaohe::engine::store
