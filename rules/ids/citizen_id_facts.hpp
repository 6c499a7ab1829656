#pragma once
// What a valid citizen identity number says about its holder. Within-record consistency rules
// compare these with a record's birth date and gender columns.
#include <chrono>
#include <optional>

#include "rules/ids/citizen_id.hpp"

namespace jiaohe::rules::ids {

enum class Sex : std::uint8_t { kFemale, kMale };

struct CitizenIdFacts {
  std::chrono::year_month_day birth_date;
  Sex sex;            // GB 11643: the 17th digit (end of the sequence code) is odd for men
  int province_code;  // first two digits, e.g. 33 (Zhejiang)
  int region_code;    // first six digits, e.g. 330106
};

// The facts of a verdict; nullopt unless the verdict is ok().
std::optional<CitizenIdFacts> citizen_id_facts(const CitizenIdVerdict& verdict);

}  // namespace jiaohe::rules::ids
