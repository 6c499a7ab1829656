#include "rules/ids/citizen_id_facts.hpp"

namespace jiaohe::rules::ids {

namespace {
int number(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
}  // namespace

std::optional<CitizenIdFacts> citizen_id_facts(const CitizenIdVerdict& verdict) {
  if (!verdict.ok()) return std::nullopt;
  const std::string_view id = verdict.value();
  using namespace std::chrono;
  CitizenIdFacts facts{
      year_month_day{year{number(id, 6, 4)}, month{static_cast<unsigned>(number(id, 10, 2))},
                     day{static_cast<unsigned>(number(id, 12, 2))}},
      (id[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale,
      number(id, 0, 2),
      number(id, 0, 6),
  };
  return facts;
}

}  // namespace jiaohe::rules::ids
