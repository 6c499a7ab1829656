#pragma once
// The one reader of a finding row, for every query that returns findings (the finding list
// and a task's findings). Internal to engine/store/ (it includes libpqxx).
#include <string>

#include <pqxx/pqxx>

#include "engine/store/finding_queries.hpp"

namespace jiaohe::engine::store {

// The columns finding_of reads, in order, unqualified (of `findings`), without the evidence:
// every query appends the evidence (or NULL) as the next column, then what it adds.
extern const std::string kFindingColumns;

// Reads kFindingColumns and the evidence column after them.
FindingRecord finding_of(const pqxx::row& r);

}  // namespace jiaohe::engine::store
