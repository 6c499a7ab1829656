#pragma once
// Row rule kinds: checks evaluated on each row during the one streaming pass over a dataset.
// A check is compiled once per (rule, dataset) against the dataset's attribute slots, then
// called per row; it never throws and allocates only when it finds a defect.
#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/normalize/canonical_value.hpp"
#include "rules/rule.hpp"

namespace jiaohe::rules::kinds {

// One canonical attribute of the current row, as the one normalisation made it.
using FieldValue = normalize::CanonicalValue;

// The attributes a dataset maps, in slot order (the row pass fills FieldValues in this order).
struct AttributeSlot {
  std::string name;  // "person.name"
  std::string type;  // "text", "citizen_id", ...
};

struct RowDefect {
  std::string attribute;
  nlohmann::json evidence;  // the offending value and why
};

struct RowContext {
  std::chrono::year_month_day today;  // the scan's date in Asia/Shanghai
};

class RowCheck {
 public:
  virtual ~RowCheck() = default;
  // Appends this row's defects to `out`. `out` already holds what the checks before this one
  // found in the row: record-level kinds (id_consistency) leave alone a value that has a
  // defect of its own (precedence, docs/CATALOGUE.md).
  virtual void check(std::span<const FieldValue> row, std::vector<RowDefect>& out) const = 0;
};

// Whether `out` holds a defect of `attribute` (for the precedence above).
bool has_defect(const std::vector<RowDefect>& out, std::string_view attribute);

// Builds the check of `rule` for a dataset with `slots`; nullptr when none of the rule's
// attributes is mapped there (the rule does not apply).
using RowCheckFactory = std::unique_ptr<RowCheck> (*)(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                                     const RowContext& context);

// Slot indexes of the rule's target attributes that the dataset maps, with their names.
struct TargetSlot {
  std::size_t index;
  std::string attribute;
};
std::vector<TargetSlot> target_slots(const RuleDef& rule, const std::vector<AttributeSlot>& slots);
// Index of `attribute` in `slots`, or -1.
int slot_of(const std::vector<AttributeSlot>& slots, std::string_view attribute);

// Factories of the row kinds, one per file in rules/kinds/.
std::unique_ptr<RowCheck> make_required(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);
std::unique_ptr<RowCheck> make_pattern(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);
std::unique_ptr<RowCheck> make_identifier_valid(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);
std::unique_ptr<RowCheck> make_value_in_set(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);
std::unique_ptr<RowCheck> make_date_sanity(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);
std::unique_ptr<RowCheck> make_id_consistency(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);
std::unique_ptr<RowCheck> make_range(const RuleDef&, const std::vector<AttributeSlot>&, const RowContext&);

}  // namespace jiaohe::rules::kinds
