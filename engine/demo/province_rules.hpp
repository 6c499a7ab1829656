#pragma once
// The rules of the pack the demo province's ground truth names, found by kind and attribute
// (and dataset), so that a pack with other rule ids works too. A rule the pack lacks leaves
// its id empty and the generator places no defect for it.
#include <string>

#include "rules/rule.hpp"

namespace jiaohe::engine::demo {

struct ProvinceRules {
  std::string required;            // required: person.name / org.name
  std::string phone_pattern;       // pattern: person.phone
  std::string identifier;          // identifier_valid: person.id_number / org.credit_code
  std::string sex_domain;          // value_in_set: person.sex
  std::string status_domain;       // value_in_set: org.status
  std::string birth_date;          // date_sanity: person.birth_date
  std::string consistency;         // id_consistency
  std::string unique_identifier;   // unique_key: person.id_number in gaj_hukou
  std::string unique_record_key;   // unique_key: _record_key
  std::string person_reference;    // referential: person.id_number in rst/mzt
  std::string org_reference;       // referential: org.credit_code in swj
  std::string employer_reference;  // referential: person.employer_credit_code in rst
  std::string row_staleness;       // row_staleness in rst_insured
  std::string dataset_staleness;   // dataset_staleness
  std::string conflict;            // cross_agency_conflict
};

ProvinceRules province_rules(const rules::RulePack& pack);

}  // namespace jiaohe::engine::demo
