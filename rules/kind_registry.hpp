#pragma once
// The one table of rule kinds: name, where it runs, its parameters and (for row kinds) the
// factory of its check. Parsing, docs and the scan planner all read this table.
#include <string>
#include <string_view>
#include <vector>

#include "rules/json_checks.hpp"
#include "rules/kinds/row_check.hpp"

namespace jiaohe::rules {

enum class KindScope { kRow, kSet };

struct KindInfo {
  std::string_view name;
  KindScope scope;
  std::string_view summary;
  std::vector<std::string> params;           // allowed parameter names
  std::vector<std::string> required_params;
  // Checks parameter types and values beyond presence; throws RulePackError.
  void (*check_params)(const nlohmann::json& params, const json_checks::Where& where);
  kinds::RowCheckFactory make_row_check;     // row kinds only
  bool needs_attributes;                     // targets.attributes must be non-empty
};

const std::vector<KindInfo>& kind_registry();
const KindInfo* find_kind(std::string_view name);
std::vector<std::string> kind_names();

}  // namespace jiaohe::rules
