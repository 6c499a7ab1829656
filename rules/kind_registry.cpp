#include "rules/kind_registry.hpp"

#include <regex>

#include "rules/kinds/range_bound.hpp"
#include "rules/normalize/date.hpp"

namespace jiaohe::rules {
namespace {

using json_checks::fail;
using json_checks::Where;

void no_checks(const nlohmann::json&, const Where&) {}

void check_regex(const nlohmann::json& p, const Where& where) {
  const auto& r = p.at("regex");
  if (!r.is_string()) fail<RulePackError>(where.at("regex"), "must be a string");
  try {
    std::regex compiled(r.get<std::string>(), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    fail<RulePackError>(where.at("regex"), "is not a valid regular expression: " + std::string(e.what()));
  }
}

void check_booleans(const nlohmann::json& p, const Where& where) {
  for (const auto& [key, value] : p.items())
    if (!value.is_boolean()) fail<RulePackError>(where.at(key), "must be true or false, got " + value.dump());
}

void check_values(const nlohmann::json& p, const Where& where) {
  const auto& v = p.at("values");
  if (!v.is_array() || v.empty()) fail<RulePackError>(where.at("values"), "must be a non-empty list of strings");
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!v[i].is_string()) fail<RulePackError>(where.at("values").at(i), "must be a string");
}

void check_min_date(const nlohmann::json& p, const Where& where) {
  if (!p.contains("min")) return;
  if (!p["min"].is_string() || !normalize::normalize_date(p["min"].get<std::string>()).ok())
    fail<RulePackError>(where.at("min"), "must be a date like 1900-01-01, got " + p["min"].dump());
}

void check_base_dataset(const nlohmann::json& p, const Where& where) {
  if (!p.at("base_dataset").is_string()) fail<RulePackError>(where.at("base_dataset"), "must be a dataset id");
  if (p.contains("base_attribute") && !p["base_attribute"].is_string())
    fail<RulePackError>(where.at("base_attribute"), "must be a canonical attribute of the base dataset");
}

void check_range(const nlohmann::json& p, const Where& where) {
  if (!p.contains("min") && !p.contains("max")) fail<RulePackError>(where, "needs min, max or both");
  for (const char* key : {"min", "max"}) {
    if (!p.contains(key)) continue;
    std::string error;
    if (!kinds::parse_range_bound(p[key], error)) fail<RulePackError>(where.at(key), error);
  }
  for (const char* key : {"min_exclusive", "max_exclusive"})
    if (p.contains(key) && !p[key].is_boolean()) fail<RulePackError>(where.at(key), "must be true or false");
}

// Number bounds for number attributes, date bounds for date attributes.
void check_range_types(const nlohmann::json& p, const std::vector<std::string>& types, const Where& where) {
  for (const char* key : {"min", "max"}) {
    if (!p.contains(key)) continue;
    std::string error;
    const bool date_bound = kinds::parse_range_bound(p[key], error)->is_date();
    for (const auto& type : types)
      if ((type == "date") != date_bound)
        fail<RulePackError>(where.at(key), std::string("is a ") + (date_bound ? "date" : "number") +
                                               " but the rule targets an attribute of type " + type +
                                               "; one range rule checks numbers or dates, not both");
  }
}

void check_tolerance(const nlohmann::json& p, const Where& where) {
  if (!p.contains("tolerance_days")) return;
  const auto& t = p["tolerance_days"];
  if (!t.is_number_integer() || t.get<long long>() < 0 || t.get<long long>() > 3660)
    fail<RulePackError>(where.at("tolerance_days"), "must be an integer from 0 to 3660, got " + t.dump());
}

}  // namespace

const std::vector<KindInfo>& kind_registry() {
  using S = KindScope;
  using K = SetKind;
  using R = Resolution;
  static const std::vector<KindInfo> kinds = {
      {"required", S::kRow, K::kNone, R::kRecordsRead, "the attribute has a value (not NULL, not blank)", {}, {},
       no_checks, kinds::make_required, true},
      {"pattern", S::kRow, K::kNone, R::kRecordsRead, "the normalised value fully matches a regular expression",
       {"regex"}, {"regex"}, check_regex, kinds::make_pattern, true},
      {"identifier_valid", S::kRow, K::kNone, R::kRecordsRead,
       "citizen ID numbers (GB 11643) and credit codes (GB 32100) validate", {"legacy_15", "future_birth_date_is_defect"},
       {}, check_booleans, kinds::make_identifier_valid, true},
      {"value_in_set", S::kRow, K::kNone, R::kRecordsRead, "the normalised value is one of a list", {"values"},
       {"values"}, check_values, kinds::make_value_in_set, true},
      {"date_sanity", S::kRow, K::kNone, R::kRecordsRead, "a date parses, is not in the future and not before a minimum",
       {"min"}, {}, check_min_date, kinds::make_date_sanity, true},
      {"range", S::kRow, K::kNone, R::kRecordsRead,
       "a number or date lies within min and/or max (dates may be relative to the scan day)",
       {"min", "max", "min_exclusive", "max_exclusive"}, {}, check_range, kinds::make_range, true, false,
       {"number", "date"}, {}, check_range_types},
      {"id_consistency", S::kRow, K::kNone, R::kRecordsRead, "birth date and sex agree with the record's own ID number",
       {}, {}, no_checks, kinds::make_id_consistency, true, true},
      {"unique_key", S::kSet, K::kUniqueKey, R::kDataset, "no two records of a dataset share the attribute's value",
       {}, {}, no_checks, nullptr, true, false, {}, {std::string(kRecordKeyAttribute)}},
      {"referential", S::kSet, K::kReferential, R::kDataset,
       "the attribute's value exists as a value of an attribute of a base dataset (Art. 18)",
       {"base_dataset", "base_attribute"}, {"base_dataset"}, check_base_dataset, nullptr, true},
      {"row_staleness", S::kSet, K::kRowStaleness, R::kDataset,
       "a record was updated within its dataset's promised frequency (Art. 28)", {"tolerance_days"}, {},
       check_tolerance, nullptr, false},
      {"dataset_staleness", S::kSet, K::kDatasetStaleness, R::kDataset,
       "a dataset's newest update is within its promised frequency (Art. 28)", {"tolerance_days"}, {},
       check_tolerance, nullptr, false},
      {"cross_agency_conflict", S::kSet, K::kCrossAgencyConflict, R::kSubjects,
       "one subject has the same normalised value of an attribute in every agency's dataset (Art. 19 para. 3)", {},
       {}, no_checks, nullptr, true},
      {"personal_data_exposure", S::kSet, K::kPersonalDataExposure, R::kDataset,
       "no column of a dataset opened unconditionally holds an unmasked citizen number, individual business's "
       "credit code or mobile number (Art. 44 para. 3)",
       {}, {}, no_checks, nullptr, false},
  };
  return kinds;
}

const KindInfo* find_kind(std::string_view name) {
  for (const auto& k : kind_registry())
    if (k.name == name) return &k;
  return nullptr;
}

const KindInfo& kind_of(const RuleDef& rule) {
  const KindInfo* k = find_kind(rule.kind);
  if (!k) throw RulePackError("rule " + rule.id + ": unknown kind \"" + rule.kind + "\"");
  return *k;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const auto& k : kind_registry()) out.emplace_back(k.name);
  return out;
}

}  // namespace jiaohe::rules
