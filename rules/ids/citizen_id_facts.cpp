#include "rules/ids/citizen_id_facts.hpp"

#include "rules/decimal_fields.hpp"

namespace jiaohe::rules::ids {

namespace {
int number(std::string_view s, std::size_t from, std::size_t n) { return parse_digits(s.substr(from, n)); }
}  // namespace

std::optional<CitizenIdFacts> citizen_id_facts(const CitizenIdVerdict& verdict) {
  if (!verdict.ok()) return std::nullopt;
  const std::string_view id = verdict.value();
  CitizenIdFacts facts{
      date_of_fields(number(id, 6, 4), number(id, 10, 2), number(id, 12, 2)),
      (id[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale,
      number(id, 0, 2),
      number(id, 0, 6),
  };
  return facts;
}

}  // namespace jiaohe::rules::ids
