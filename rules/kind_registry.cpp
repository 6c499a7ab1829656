#include "rules/kind_registry.hpp"

#include <regex>

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

void check_legacy(const nlohmann::json& p, const Where& where) {
  if (p.contains("legacy_15") && !p["legacy_15"].is_boolean())
    fail<RulePackError>(where.at("legacy_15"), "must be true or false");
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
}

void check_tolerance(const nlohmann::json& p, const Where& where) {
  if (!p.contains("tolerance_days")) return;
  const auto& t = p["tolerance_days"];
  if (!t.is_number_integer() || t.get<long long>() < 0 || t.get<long long>() > 3660)
    fail<RulePackError>(where.at("tolerance_days"), "must be an integer from 0 to 3660, got " + t.dump());
}

}  // namespace

const std::vector<KindInfo>& kind_registry() {
  static const std::vector<KindInfo> kinds = {
      {"required", KindScope::kRow, "the attribute has a value (not NULL, not blank)", {}, {}, no_checks,
       kinds::make_required, true},
      {"pattern", KindScope::kRow, "the normalised value fully matches a regular expression", {"regex"}, {"regex"},
       check_regex, kinds::make_pattern, true},
      {"identifier_valid", KindScope::kRow, "citizen ID numbers (GB 11643) and credit codes (GB 32100) validate",
       {"legacy_15"}, {}, check_legacy, kinds::make_identifier_valid, true},
      {"value_in_set", KindScope::kRow, "the normalised value is one of a list", {"values"}, {"values"},
       check_values, kinds::make_value_in_set, true},
      {"date_sanity", KindScope::kRow, "a date parses, is not in the future and not before a minimum", {"min"}, {},
       check_min_date, kinds::make_date_sanity, true},
      {"id_consistency", KindScope::kRow, "birth date and sex agree with the record's own ID number", {}, {},
       no_checks, kinds::make_id_consistency, true},
      {"unique_key", KindScope::kSet, "no two records of a dataset share the attribute's value", {}, {}, no_checks,
       nullptr, true},
      {"referential", KindScope::kSet, "the record's subject exists in a base dataset (Art. 18)", {"base_dataset"},
       {"base_dataset"}, check_base_dataset, nullptr, true},
      {"row_staleness", KindScope::kSet, "a record was updated within its dataset's promised frequency (Art. 28)",
       {"tolerance_days"}, {}, check_tolerance, nullptr, false},
      {"dataset_staleness", KindScope::kSet, "a dataset's newest update is within its promised frequency (Art. 28)",
       {"tolerance_days"}, {}, check_tolerance, nullptr, false},
      {"cross_agency_conflict", KindScope::kSet,
       "one subject has the same normalised value of an attribute in every agency's dataset (Art. 19 para. 3)", {},
       {}, no_checks, nullptr, true},
  };
  return kinds;
}

const KindInfo* find_kind(std::string_view name) {
  for (const auto& k : kind_registry())
    if (k.name == name) return &k;
  return nullptr;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const auto& k : kind_registry()) out.emplace_back(k.name);
  return out;
}

}  // namespace jiaohe::rules
