#include "engine/demo/province_rules.hpp"

#include <algorithm>

#include "rules/kind_registry.hpp"

namespace jiaohe::engine::demo {
namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The first rule of the kind called `kind` in the registry that targets `attribute` (any, when
// empty) in `dataset` (any, when empty).
std::string find(const rules::RulePack& pack, std::string_view kind, const std::string& attribute,
                 const std::string& dataset = "") {
  const rules::KindInfo* wanted = rules::find_kind(kind);
  for (const auto& r : pack.rules) {
    if (&rules::kind_of(r) != wanted) continue;
    if (!attribute.empty() && !has(r.attributes, attribute)) continue;
    if (!dataset.empty() && !r.datasets.empty() && !has(r.datasets, dataset)) continue;
    return r.id;
  }
  return "";
}

}  // namespace

ProvinceRules province_rules(const rules::RulePack& pack) {
  ProvinceRules r;
  r.required = find(pack, "required", "person.name");
  r.phone_pattern = find(pack, "pattern", "person.phone");
  r.identifier = find(pack, "identifier_valid", "person.id_number");
  r.sex_domain = find(pack, "value_in_set", "person.sex");
  r.status_domain = find(pack, "value_in_set", "org.status");
  r.birth_date = find(pack, "date_sanity", "person.birth_date");
  r.consistency = find(pack, "id_consistency", "person.birth_date");
  r.unique_identifier = find(pack, "unique_key", "person.id_number", "gaj_hukou");
  r.unique_record_key = find(pack, "unique_key", "_record_key");
  r.person_reference = find(pack, "referential", "person.id_number", "rst_insured");
  r.org_reference = find(pack, "referential", "org.credit_code", "swj_taxpayer");
  r.employer_reference = find(pack, "referential", "person.employer_credit_code", "rst_insured");
  r.row_staleness = find(pack, "row_staleness", "", "rst_insured");
  r.dataset_staleness = find(pack, "dataset_staleness", "");
  r.conflict = find(pack, "cross_agency_conflict", "person.name");
  return r;
}

}  // namespace jiaohe::engine::demo
