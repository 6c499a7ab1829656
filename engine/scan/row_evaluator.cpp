#include "engine/scan/row_evaluator.hpp"

#include <algorithm>

#include "engine/scan/stored_values.hpp"
#include "engine/store/copy_text.hpp"
#include "rules/ids/exposed_identifiers.hpp"
#include "rules/kinds/staleness.hpp"
#include "rules/normalize/unicode_text.hpp"

namespace jiaohe::engine::scan {
namespace {

using store::append_copy_field;

void field(std::string& line, std::string_view value, bool last = false) {
  append_copy_field(line, value);
  line += last ? '\n' : '\t';
}

void nullable(std::string& line, const std::string_view* value, bool last = false) {
  if (value) return field(line, *value, last);
  line += last ? "\\N\n" : "\\N\t";
}

void nullable(std::string& line, const std::optional<std::string_view>& value, bool last = false) {
  nullable(line, value ? &*value : nullptr, last);
}

void number(std::string& line, std::int64_t n, bool last = false) {
  line += std::to_string(n);
  line += last ? '\n' : '\t';
}

std::string utc_text(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{t - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld:%02ld+00", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return buf;
}

}  // namespace

void StagingBuffers::clear() {
  findings.clear();
  records.clear();
  values.clear();
  keys.clear();
  duplicates.clear();
}

RowEvaluator::RowEvaluator(const DatasetPlan& plan, bool keep_records, std::chrono::year_month_day today)
    : plan_(plan), keep_records_(keep_records), today_(today), exposures_(plan.exposure_fields.size()) {
  for (const auto& c : plan.columns) canonicalizers_.emplace_back(*c.normalizer, c.context, c.values);
  values_.resize(plan.columns.size());
}

void RowEvaluator::append_finding(StagingBuffers& out, const rules::RuleDef& rule, const catalog::DatasetDef& dataset,
                                  std::string_view record_key, const std::string_view* subject_id,
                                  std::string_view attribute, const std::string& evidence_json, std::int64_t row_no) {
  std::string& line = out.findings;
  field(line, rule.id);
  number(line, rule.version);
  field(line, rule.kind);
  field(line, rule.severity);
  field(line, dataset.id);
  field(line, dataset.agency.code);
  field(line, record_key);
  nullable(line, subject_id);
  field(line, attribute);
  field(line, evidence_json);
  number(line, row_no, true);
  ++out.findings_count;
}

bool RowEvaluator::split(std::string_view line) {
  store::split_copy_line(line, scratch_, fields_);
  return fields_.size() == plan_.columns.size() + plan_.unmapped_columns.size() + 2;
}

std::uint64_t RowEvaluator::record_key_hash(std::string_view key) {
  rules::normalize::key_form(key, key_form_);
  return text_hash(key_form_);
}

void RowEvaluator::evaluate(std::string_view copy_line, Pass pass, StagingBuffers& out) {
  if (!split(copy_line)) return;  // cannot happen: the scan's own query has this many columns
  const std::int64_t row_no = ++row_no_;
  ++rows_;
  const std::string_view key = rules::normalize::trim_blank(fields_[0].value_or(""));
  key_hashes_.push_back(record_key_hash(key));
  if (key_form_.empty()) blank_keys_ = true;
  for (std::size_t i = 0; i < plan_.columns.size(); ++i) canonicalizers_[i].canonicalize(fields_[i + 1], values_[i]);
  const auto& subject_value = values_[plan_.key_slot];
  const std::string_view* subject = subject_value.normalized_ok ? &subject_value.normalized : nullptr;
  const auto& ds = *plan_.dataset;

  defects_.clear();
  if (pass == Pass::kRows) {
    ++checked_;
    for (const auto& c : plan_.row_checks) {
      const std::size_t before = defects_.size();
      c.check->check(values_, defects_);
      for (std::size_t d = before; d < defects_.size(); ++d)
        append_finding(out, *c.rule, ds, key, subject, defects_[d].attribute, defects_[d].evidence.dump(), row_no);
    }
    if (keep_records_) {
      field(out.records, ds.id);
      field(out.records, key);
      nullable(out.records, subject);
      number(out.records, row_no, true);
    }
    stage_values(key, subject, row_no, stored_, out);
  }
  for (std::size_t slot : plan_.key_slots) {
    const auto& v = values_[slot];
    if (!v.present) continue;
    field(out.keys, ds.id);
    field(out.keys, plan_.slots[slot].name);
    field(out.keys, key);
    nullable(out.keys, subject);
    field(out.keys, v.key);
    field(out.keys, v.normalized_ok ? "t" : "f");
    number(out.keys, row_no, true);
  }

  count_exposures();

  const auto& updated_text = fields_.back();
  const auto updated = updated_text ? rules::normalize::parse_update_instant(*updated_text, plan_.update) : std::nullopt;
  if (updated && (!newest_ || *updated > *newest_)) newest_ = updated;
  for (const auto& s : plan_.row_staleness) {
    if (!rules::kinds::is_stale(updated, s.stale_before)) continue;
    nlohmann::json evidence = {{"last_update", updated_text ? nlohmann::json(std::string(*updated_text)) : nullptr},
                               {"max_age_days", s.max_age_days}};
    if (!updated) evidence["reason"] = updated_text ? "unparseable" : "missing";
    append_finding(out, *s.rule, ds, key, subject, "_record", evidence.dump(), row_no);
  }
}

// Without a valid identifier the record cannot be matched across agencies; a value with a
// defect of its own takes no part in conflicts (precedence). A value stored unchanged is not
// staged again.
void RowEvaluator::stage_values(std::string_view key, const std::string_view* subject, std::int64_t row_no,
                                StoredValues* stored, StagingBuffers& out) {
  if (!subject) return;
  for (std::size_t slot : plan_.conflict_slots) {
    const auto& v = values_[slot];
    const std::string& attribute = plan_.slots[slot].name;
    if (!v.normalized_ok || v.normalized.empty() || rules::kinds::has_defect(defects_, attribute)) continue;
    if (stored && stored->unchanged(key, attribute, *subject, v.normalized)) continue;
    field(out.values, plan_.dataset->id);
    field(out.values, attribute);
    field(out.values, key);
    field(out.values, *subject);
    field(out.values, v.normalized);
    number(out.values, row_no, true);
  }
}

// Every row of a dataset published unconditionally, in both passes: what it exposes is a fact
// of the whole dataset, counted per column (engine/scan/dataset_plan.hpp).
void RowEvaluator::count_exposures() {
  if (plan_.exposure_rules.empty()) return;
  for (std::size_t f = 0; f < plan_.exposure_fields.size(); ++f) {
    const auto& text = fields_[plan_.exposure_fields[f].field];
    if (!text) continue;
    const rules::ids::ExposedKinds found = rules::ids::find_exposed(*text, today_);
    for (std::size_t k = 0; k < std::size(rules::ids::kExposedKinds); ++k)
      if (found & static_cast<rules::ids::ExposedKinds>(rules::ids::kExposedKinds[k])) ++exposures_[f][k];
  }
}

bool RowEvaluator::found_duplicate_keys() {
  std::sort(key_hashes_.begin(), key_hashes_.end());
  duplicated_.clear();
  for (std::size_t i = 1; i < key_hashes_.size(); ++i)
    if (key_hashes_[i] == key_hashes_[i - 1] && (duplicated_.empty() || duplicated_.back() != key_hashes_[i]))
      duplicated_.push_back(key_hashes_[i]);
  key_hashes_ = {};
  row_no_ = 0;  // the second reading numbers the rows again from the start
  return blank_keys_ || !duplicated_.empty();
}

void RowEvaluator::stage_duplicate(std::string_view copy_line, StagingBuffers& out) {
  if (!split(copy_line)) return;
  const std::int64_t row_no = ++row_no_;
  const std::string_view key = rules::normalize::trim_blank(fields_[0].value_or(""));
  const std::uint64_t hash = record_key_hash(key);
  if (!key_form_.empty() && !std::binary_search(duplicated_.begin(), duplicated_.end(), hash)) return;
  auto& subject = values_[plan_.key_slot];
  canonicalizers_[plan_.key_slot].canonicalize(fields_[plan_.key_slot + 1], subject);
  if (stored_ && !plan_.conflict_slots.empty()) {
    // The row pass may have found this row's values unchanged under the plain record key; the
    // row is renamed now, so its values are staged again (under the row number the renaming
    // follows), after the row checks that decide which of them take part.
    for (std::size_t i = 0; i < plan_.columns.size(); ++i) canonicalizers_[i].canonicalize(fields_[i + 1], values_[i]);
    defects_.clear();
    for (const auto& c : plan_.row_checks) c.check->check(values_, defects_);
    for (std::size_t slot : plan_.conflict_slots) stored_->forget(key, plan_.slots[slot].name);
    stage_values(key, subject.normalized_ok ? &subject.normalized : nullptr, row_no, nullptr, out);
  }
  std::string& line = out.duplicates;
  field(line, plan_.dataset->id);
  number(line, row_no);
  field(line, key);
  field(line, key_form_);
  nullable(line, subject.normalized_ok ? &subject.normalized : nullptr);
  nullable(line, fields_[plan_.key_slot + 1]);
  nullable(line, fields_.back(), true);
}

void RowEvaluator::finish(StagingBuffers& out) {
  for (const auto& s : plan_.dataset_staleness) {
    if (!rules::kinds::is_stale(newest_, s.stale_before)) continue;
    const nlohmann::json evidence = {{"newest_update", newest_ ? nlohmann::json(utc_text(*newest_)) : nullptr},
                                     {"max_age_days", s.max_age_days}};
    append_finding(out, *s.rule, *plan_.dataset, "*", nullptr, "_dataset", evidence.dump(), 0);
  }
  // One finding per exposed column (its task: remove the data or mask it, then the next scan
  // resolves it), naming what it holds and in how many rows, never a value.
  for (std::size_t f = 0; f < plan_.exposure_fields.size(); ++f) {
    nlohmann::json identifiers = nlohmann::json::object();
    for (std::size_t k = 0; k < std::size(rules::ids::kExposedKinds); ++k)
      if (exposures_[f][k] > 0)
        identifiers[std::string(rules::ids::exposed_kind_name(rules::ids::kExposedKinds[k]))] = exposures_[f][k];
    if (identifiers.empty()) continue;
    const nlohmann::json evidence = {{"column", plan_.exposure_fields[f].column},
                                     {"rows_with", identifiers},
                                     {"opening", "unconditional, published"}};
    for (const auto* rule : plan_.exposure_rules)
      append_finding(out, *rule, *plan_.dataset, "*", nullptr, "_column:" + plan_.exposure_fields[f].column,
                     evidence.dump(), 0);
  }
}

std::optional<std::string> RowEvaluator::newest_update() const {
  if (!newest_ || *newest_ == std::chrono::sys_seconds::max() || *newest_ == std::chrono::sys_seconds::min())
    return std::nullopt;
  return utc_text(*newest_);
}

}  // namespace jiaohe::engine::scan
