#pragma once
// A rule of a rule pack, as declared in JSON (docs/CATALOGUE.md), and the pack itself.
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jiaohe::rules {

// The correction deadline a rule's tasks get (Art. 19 para. 3: set by the authority).
struct DeadlineSpec {
  int amount = 0;
  std::string unit;  // "working_days", "natural_days", "hours" or "immediately" (amount 0: the profile's)
};

struct RuleDef {
  std::string id;                        // stable across versions
  int version = 1;
  std::string kind;                      // a name from kind_registry()
  std::string severity;                  // error, warning, info
  std::vector<std::string> attributes;   // canonical attributes it checks
  std::vector<std::string> datasets;     // empty: every dataset mapping one of the attributes
  nlohmann::json params = nlohmann::json::object();
  std::string legal_basis;
  DeadlineSpec deadline;
};

struct RulePack {
  std::string name;
  std::string version;
  std::vector<RuleDef> rules;
};

// A mistake in a rule pack; the message names the source, the rule and the JSON pointer.
struct RulePackError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses and validates a pack (kinds, parameters, deadlines, duplicate ids, unknown keys).
// `source` names it in messages (the file path). Dataset and attribute names are checked
// against the catalogue by the engine, which knows it.
RulePack parse_rule_pack(const nlohmann::json& doc, const std::string& source);

}  // namespace jiaohe::rules
