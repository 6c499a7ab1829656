#pragma once
// referential's parameters, read in one place by the planner and the set rule.
#include <string>

#include "rules/rule.hpp"

namespace jiaohe::rules::kinds {

// The base dataset's attribute a value of `attribute` must exist in: params.base_attribute,
// else the same attribute.
inline std::string base_attribute_of(const RuleDef& rule, const std::string& attribute) {
  return rule.params.value("base_attribute", attribute);
}

inline std::string base_dataset_of(const RuleDef& rule) { return rule.params.at("base_dataset").get<std::string>(); }

}  // namespace jiaohe::rules::kinds
