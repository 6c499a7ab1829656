#include "engine/scan/row_evaluator.hpp"

#include "engine/store/pg_session.hpp"

namespace jiaohe::engine::scan {
namespace {

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

void field(std::string& line, std::string_view value, bool last = false) {
  store::append_copy_field(line, value);
  line += last ? '\n' : '\t';
}

}  // namespace

RowEvaluator::RowEvaluator(const DatasetPlan& plan, rules::normalize::NormalizeContext context, bool keep_records)
    : plan_(plan), context_(context), keep_records_(keep_records) {
  values_.resize(plan.columns.size());
  normalized_.resize(plan.columns.size());
}

void RowEvaluator::append_finding(StagingBuffers& out, const rules::RuleDef& rule, const catalog::DatasetDef& dataset,
                                  std::string_view record_key, const std::string* subject_id,
                                  std::string_view attribute, const std::string& evidence_json) {
  std::string& line = out.findings;
  field(line, rule.id);
  line += std::to_string(rule.version);
  line += '\t';
  field(line, rule.kind);
  field(line, rule.severity);
  field(line, dataset.id);
  field(line, dataset.agency.code);
  field(line, record_key);
  if (subject_id) {
    field(line, *subject_id);
  } else {
    line += "\\N\t";
  }
  field(line, attribute);
  field(line, evidence_json, true);
  ++out.findings_count;
}

void RowEvaluator::evaluate(std::string_view copy_line, StagingBuffers& out) {
  store::split_copy_line(copy_line, scratch_, fields_);
  if (fields_.size() != plan_.columns.size() + 1 || !fields_[0]) return;  // record key is the primary key
  const std::string_view record_key = *fields_[0];
  for (std::size_t i = 0; i < plan_.columns.size(); ++i) {
    const auto& column = plan_.columns[i];
    auto& v = values_[i];
    v = {};
    const auto& f = fields_[i + 1];
    if (!f) continue;
    std::string_view raw = trim(*f);
    if (!column.values.empty())
      if (auto it = column.values.find(raw); it != column.values.end()) raw = it->second;
    v.raw = raw;
    v.present = !raw.empty();
    if (!v.present) continue;
    normalized_[i] = column.normalizer->run(raw, context_);
    v.normalized_ok = normalized_[i].ok;
    if (v.normalized_ok) {
      v.normalized = normalized_[i].value;
    } else {
      v.reason = normalized_[i].reason_code;
    }
  }
  const auto& key = values_[plan_.key_slot];
  const std::string* subject = key.normalized_ok ? &normalized_[plan_.key_slot].value : nullptr;

  defects_.clear();
  for (const auto& c : plan_.row_checks) {
    const std::size_t before = defects_.size();
    c.check->check(values_, defects_);
    for (std::size_t d = before; d < defects_.size(); ++d)
      append_finding(out, *c.rule, *plan_.dataset, record_key, subject, defects_[d].attribute, defects_[d].evidence.dump());
  }
  if (keep_records_) {
    field(out.records, plan_.dataset->id);
    field(out.records, record_key);
    if (subject) {
      field(out.records, *subject, true);
    } else {
      out.records += "\\N\n";
    }
  }
  if (!subject) return;  // without a valid identifier the record cannot be matched across agencies
  for (std::size_t slot : plan_.conflict_slots) {
    const auto& v = values_[slot];
    if (!v.normalized_ok || v.normalized.empty()) continue;
    field(out.values, plan_.dataset->id);
    field(out.values, plan_.slots[slot].name);
    field(out.values, record_key);
    field(out.values, *subject);
    field(out.values, v.normalized, true);
  }
}

}  // namespace jiaohe::engine::scan
