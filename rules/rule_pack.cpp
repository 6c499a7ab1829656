#include <set>

#include "rules/json_checks.hpp"
#include "rules/kind_registry.hpp"
#include "rules/rule.hpp"

namespace jiaohe::rules {
namespace {

using namespace json_checks;
using E = RulePackError;

DeadlineSpec parse_deadline(const nlohmann::json& rule, const Where& where) {
  auto it = rule.find("deadline");
  if (it == rule.end()) fail<E>(where.at("deadline"), "is missing: the correction deadline its tasks get (Art. 19 para. 3)");
  const Where w = where.at("deadline");
  require_object<E>(*it, w);
  static const std::vector<std::string> units = {"working_days", "natural_days", "hours", "immediately"};
  require_only_keys<E>(*it, w, units);
  if (it->size() != 1) fail<E>(w, "must have exactly one of working_days, natural_days, hours, immediately");
  const std::string unit = it->begin().key();
  // "immediately" (Art. 44 para. 3) is what the statute profile says it is (immediately_hours).
  if (unit == "immediately") {
    if (!it->begin().value().is_boolean() || !it->begin().value().get<bool>())
      fail<E>(w.at(unit), "must be true (the statute profile's immediately_hours apply)");
    return {0, unit};
  }
  return {require_int<E>(*it, unit, w, 1, 3650), unit};
}

RuleDef parse_rule(const nlohmann::json& r, const Where& at) {
  require_object<E>(r, at);
  RuleDef rule;
  rule.id = require_string<E>(r, "id", at);
  const Where where = at.labelled("rule " + rule.id);
  require_only_keys<E>(r, where, {"id", "version", "kind", "severity", "targets", "params", "legal_basis", "deadline",
                                  "description"});
  rule.version = require_int<E>(r, "version", where, 1, 1'000'000);
  rule.kind = require_string<E>(r, "kind", where);
  const KindInfo* kind = find_kind(rule.kind);
  if (!kind) require_one_of<E>(rule.kind, kind_names(), where.at("kind"), "kind");
  rule.severity = require_string<E>(r, "severity", where);
  require_one_of<E>(rule.severity, {"error", "warning", "info"}, where.at("severity"), "severity");
  rule.legal_basis = require_string<E>(r, "legal_basis", where);
  rule.deadline = parse_deadline(r, where);

  if (!r.contains("targets")) fail<E>(where.at("targets"), "is missing (attributes and/or datasets)");
  const Where tw = where.at("targets");
  require_object<E>(r["targets"], tw);
  require_only_keys<E>(r["targets"], tw, {"attributes", "datasets"});
  rule.attributes = string_list<E>(r["targets"], "attributes", tw, false);
  rule.datasets = string_list<E>(r["targets"], "datasets", tw, false);
  if (kind->needs_attributes && rule.attributes.empty())
    fail<E>(tw.at("attributes"), "must name at least one canonical attribute for kind " + rule.kind);

  if (r.contains("params")) rule.params = r["params"];
  const Where pw = where.at("params");
  require_object<E>(rule.params, pw);
  require_only_keys<E>(rule.params, pw, kind->params);
  for (const auto& p : kind->required_params)
    if (!rule.params.contains(p)) fail<E>(pw.at(p), "is missing (required by kind " + rule.kind + ")");
  kind->check_params(rule.params, pw);
  return rule;
}

}  // namespace

RulePack parse_rule_pack(const nlohmann::json& doc, const std::string& source) {
  const Where root{source, "", ""};
  require_object<E>(doc, root);
  require_only_keys<E>(doc, root, {"pack", "version", "rules", "description"});
  RulePack pack;
  pack.name = require_string<E>(doc, "pack", root);
  pack.version = require_string<E>(doc, "version", root);
  if (!doc.contains("rules") || !doc["rules"].is_array()) fail<E>(root.at("rules"), "must be a list of rules");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < doc["rules"].size(); ++i) {
    RuleDef rule = parse_rule(doc["rules"][i], root.at("rules").at(i));
    if (!ids.insert(rule.id).second)
      fail<E>(root.at("rules").at(i).labelled("rule " + rule.id), "the id is used by an earlier rule of the pack");
    pack.rules.push_back(std::move(rule));
  }
  return pack;
}

}  // namespace jiaohe::rules
