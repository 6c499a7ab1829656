#pragma once
// The one table of rule kinds: name, where it runs, its parameters, for row kinds the factory
// of its check and for set kinds which of the engine's set-rule implementations runs it.
// Parsing, docs, the scan planner and the resolution of findings all read this table; no code
// compares kind names.
#include <string>
#include <string_view>
#include <vector>

#include "rules/json_checks.hpp"
#include "rules/kinds/row_check.hpp"

namespace jiaohe::rules {

enum class KindScope {
  kRow,  // evaluated on the rows the row pass reads (changed rows in an incremental scan)
  kSet,  // evaluated over whole datasets every scan
};

// The set kinds, one implementation each in the engine (engine/store/set_rules/).
enum class SetKind {
  kNone,
  kUniqueKey,
  kReferential,
  kRowStaleness,
  kDatasetStaleness,
  kCrossAgencyConflict,
  kPersonalDataExposure,  // evaluated while the scan reads rows (every column of published datasets)
};

// Which open findings a scan may resolve when it no longer finds them.
enum class Resolution {
  kRecordsRead,  // of the records the row pass read
  kDataset,      // of every record of the datasets scanned
  kSubjects,     // of every subject the scan read (conflicts span datasets)
};

struct KindInfo {
  std::string_view name;
  KindScope scope;
  SetKind set_kind;
  Resolution resolution;
  std::string_view summary;
  std::vector<std::string> params;           // allowed parameter names
  std::vector<std::string> required_params;
  // Checks parameter types and values beyond presence; throws RulePackError.
  void (*check_params)(const nlohmann::json& params, const json_checks::Where& where);
  kinds::RowCheckFactory make_row_check;     // row kinds only
  bool needs_attributes;                     // targets.attributes must be non-empty
  // Record-level row kinds run after the value-level ones of a row, so that they can leave a
  // value with a defect of its own alone (precedence).
  bool record_level = false;
  // Attribute types the kind can check (empty: any); the engine checks targets against it.
  std::vector<std::string> attribute_types = {};
  // Pseudo-attributes a rule of this kind may target besides canonical ones ("_record_key").
  std::vector<std::string> pseudo_attributes = {};
  // Checks the params against the types of the attributes targeted (may be nullptr).
  void (*check_types)(const nlohmann::json& params, const std::vector<std::string>& types,
                      const json_checks::Where& where) = nullptr;
};

const std::vector<KindInfo>& kind_registry();
const KindInfo* find_kind(std::string_view name);
// The kind of a rule that parse_rule_pack accepted (never null for those).
const KindInfo& kind_of(const RuleDef& rule);
std::vector<std::string> kind_names();

// The pseudo-attribute naming a dataset's record key (unique_key).
inline constexpr std::string_view kRecordKeyAttribute = "_record_key";

}  // namespace jiaohe::rules
