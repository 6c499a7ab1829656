#include "engine/catalog/catalog.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "engine/error.hpp"
#include "engine/util/json_file.hpp"
#include "rules/json_checks.hpp"
#include "rules/kind_registry.hpp"
#include "rules/normalize/normalizer_registry.hpp"
#include "rules/normalize/update_instant.hpp"

namespace jiaohe::engine::catalog {
namespace {

using namespace rules::json_checks;
using E = CatalogueError;

const std::vector<std::string> kRequiredAttributes = {
    "person.id_number", "person.name", "person.sex", "person.birth_date", "person.address", "person.phone",
    "org.credit_code", "org.name", "org.legal_representative", "org.status", "org.address"};
const std::vector<std::string> kTypes = {"citizen_id", "credit_code", "text", "code", "date", "phone", "number"};
// Art. 28: each catalogue entry promises an update frequency; the days are the period it allows.
const std::map<std::string, int> kFrequencyDays = {
    {"daily", 1}, {"weekly", 7}, {"monthly", 31}, {"quarterly", 92}, {"yearly", 366}};

void require_identifier(const std::string& value, const Where& where, bool qualified) {
  static const std::regex plain(R"([a-z_][a-z0-9_]{0,62})");
  static const std::regex dotted(R"([a-z_][a-z0-9_]{0,62}\.[a-z_][a-z0-9_]{0,62})");
  if (!std::regex_match(value, qualified ? dotted : plain))
    fail<E>(where, "\"" + value + "\" must be " + (qualified ? "schema.table" : "a column name") +
                       " in lower case letters, digits and underscores");
}

AttributeDef parse_attribute(const nlohmann::json& a, const Where& at) {
  require_object<E>(a, at);
  AttributeDef def;
  def.name = require_string<E>(a, "name", at);
  const Where where = at.labelled("attribute " + def.name);
  require_only_keys<E>(a, where, {"name", "type", "normalizer", "authoritative_source", "legacy_15", "description"});
  def.type = require_string<E>(a, "type", where);
  require_one_of<E>(def.type, kTypes, where.at("type"), "type");
  def.normalizer = require_string<E>(a, "normalizer", where);
  require_one_of<E>(def.normalizer, rules::normalize::normalizer_names(), where.at("normalizer"), "normalizer");
  def.authoritative_source = optional_string<E>(a, "authoritative_source", where);
  if (a.contains("legacy_15")) {
    if (!a["legacy_15"].is_boolean()) fail<E>(where.at("legacy_15"), "must be true or false");
    if (def.type != "citizen_id") fail<E>(where.at("legacy_15"), "applies to attributes of type citizen_id only");
    def.legacy_15 = a["legacy_15"].get<bool>();
  }
  return def;
}

DatasetDef parse_dataset(const nlohmann::json& d, const Where& at, const std::vector<std::string>& attribute_names) {
  require_object<E>(d, at);
  DatasetDef ds;
  ds.id = require_string<E>(d, "id", at);
  const Where where = at.labelled("dataset " + ds.id);
  require_only_keys<E>(d, where, {"id", "title", "agency", "table", "database_url", "subject", "record_key",
                                  "last_update_column", "last_update_zone", "last_update_format",
                                  "update_frequency", "columns", "description", "opening"});
  ds.pointer = at.pointer;
  ds.title = require_string<E>(d, "title", where);
  if (!d.contains("agency")) fail<E>(where.at("agency"), "is missing (code and name of the owning agency)");
  require_object<E>(d["agency"], where.at("agency"));
  require_only_keys<E>(d["agency"], where.at("agency"), {"code", "name"});
  ds.agency = {require_string<E>(d["agency"], "code", where.at("agency")),
               require_string<E>(d["agency"], "name", where.at("agency"))};
  ds.table = require_string<E>(d, "table", where);
  require_identifier(ds.table, where.at("table"), true);
  ds.database_url = optional_string<E>(d, "database_url", where);
  if (!d.contains("subject")) fail<E>(where.at("subject"), "is missing (type and key_column)");
  const Where sw = where.at("subject");
  require_object<E>(d["subject"], sw);
  require_only_keys<E>(d["subject"], sw, {"type", "key_column"});
  const std::string subject = require_string<E>(d["subject"], "type", sw);
  require_one_of<E>(subject, {"person", "organisation"}, sw.at("type"), "subject type");
  ds.subject_type = subject == "person" ? SubjectType::kPerson : SubjectType::kOrganisation;
  ds.key_column = require_string<E>(d["subject"], "key_column", sw);
  ds.record_key = require_string<E>(d, "record_key", where);
  require_identifier(ds.record_key, where.at("record_key"), false);
  ds.last_update_column = require_string<E>(d, "last_update_column", where);
  require_identifier(ds.last_update_column, where.at("last_update_column"), false);
  if (d.contains("last_update_zone")) {
    ds.last_update_zone = require_string<E>(d, "last_update_zone", where);
    const auto offset = rules::normalize::zone_offset_minutes(ds.last_update_zone);
    if (!offset)
      fail<E>(where.at("last_update_zone"), "\"" + ds.last_update_zone +
                                                "\" is not a zone the scan knows: use Asia/Shanghai, UTC or a fixed "
                                                "offset like +08:00");
    ds.last_update_offset_minutes = *offset;
  }
  ds.last_update_format = optional_string<E>(d, "last_update_format", where);
  if (std::string error; !ds.last_update_format.empty() &&
                         !rules::normalize::valid_update_format(ds.last_update_format, error))
    fail<E>(where.at("last_update_format"), error);
  ds.update_frequency = require_string<E>(d, "update_frequency", where);
  std::vector<std::string> frequencies;
  for (const auto& [name, days] : kFrequencyDays) frequencies.push_back(name);
  require_one_of<E>(ds.update_frequency, frequencies, where.at("update_frequency"), "update frequency");
  ds.frequency_days = kFrequencyDays.at(ds.update_frequency);

  if (d.contains("opening")) {
    const Where ow = where.at("opening");
    require_object<E>(d["opening"], ow);
    require_only_keys<E>(d["opening"], ow, {"class", "published"});
    const std::string opening = require_string<E>(d["opening"], "class", ow);
    require_one_of<E>(opening, {"unconditional", "restricted", "prohibited"}, ow.at("class"), "opening class");
    ds.opening_class = opening == "unconditional" ? OpeningClass::kUnconditional
                       : opening == "restricted"  ? OpeningClass::kRestricted
                                                  : OpeningClass::kProhibited;
    if (d["opening"].contains("published")) {
      if (!d["opening"]["published"].is_boolean()) fail<E>(ow.at("published"), "must be true or false");
      ds.published = d["opening"]["published"].get<bool>();
    }
    if (ds.published && ds.opening_class == OpeningClass::kProhibited)
      fail<E>(ow.at("published"), "a dataset whose opening is prohibited cannot be published (Art. 30)");
  }

  if (!d.contains("columns") || !d["columns"].is_array() || d["columns"].empty())
    fail<E>(where.at("columns"), "must be a non-empty list of {column, attribute}");
  std::set<std::string> seen_attributes;
  for (std::size_t i = 0; i < d["columns"].size(); ++i) {
    const Where cw = where.at("columns").at(i);
    const auto& c = d["columns"][i];
    require_object<E>(c, cw);
    require_only_keys<E>(c, cw, {"column", "attribute", "values"});
    ColumnMapping m;
    m.column = require_string<E>(c, "column", cw);
    require_identifier(m.column, cw.at("column"), false);
    m.attribute = require_string<E>(c, "attribute", cw);
    require_one_of<E>(m.attribute, attribute_names, cw.at("attribute"), "canonical attribute");
    if (!seen_attributes.insert(m.attribute).second)
      fail<E>(cw.at("attribute"), "\"" + m.attribute + "\" is mapped twice in this dataset");
    if (c.contains("values")) {
      require_object<E>(c["values"], cw.at("values"));
      for (const auto& [from, to] : c["values"].items()) {
        if (!to.is_string()) fail<E>(cw.at("values").at(from), "must be a string");
        m.values[from] = to.get<std::string>();
      }
    }
    ds.columns.push_back(std::move(m));
  }
  const std::string key_attribute = ds.key_attribute();
  const ColumnMapping* key = ds.column_for(key_attribute);
  if (!key || key->column != ds.key_column)
    fail<E>(sw.at("key_column"), "column \"" + ds.key_column + "\" must be mapped to " + key_attribute +
                                     " in columns (the subject's identifier, Art. 17)");
  return ds;
}

// The file's JSON, with read and syntax errors reported as E (they already name the file).
template <class Err>
nlohmann::json read_as(const std::filesystem::path& path) {
  try {
    return util::read_json_file(path);
  } catch (const Error& e) {
    throw Err(e.what());
  }
}

}  // namespace

const ColumnMapping* DatasetDef::column_for(const std::string& attribute) const {
  for (const auto& c : columns)
    if (c.attribute == attribute) return &c;
  return nullptr;
}

const std::string& DatasetDef::key_attribute() const {
  static const std::string person = "person.id_number", org = "org.credit_code";
  return subject_type == SubjectType::kPerson ? person : org;
}

const DatasetDef* Catalogue::dataset(const std::string& id) const {
  for (const auto& d : datasets)
    if (d.id == id) return &d;
  return nullptr;
}

const AttributeDef* Catalogue::attribute(const std::string& name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

Catalogue parse_catalogue(const nlohmann::json& doc, const std::string& source) {
  const Where root{source, "", ""};
  require_object<E>(doc, root);
  require_only_keys<E>(doc, root, {"attributes", "datasets", "description"});
  Catalogue cat;
  cat.source = source;
  if (!doc.contains("attributes") || !doc["attributes"].is_array())
    fail<E>(root.at("attributes"), "must be a list of canonical attributes");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < doc["attributes"].size(); ++i) {
    auto a = parse_attribute(doc["attributes"][i], root.at("attributes").at(i));
    if (cat.attribute(a.name)) fail<E>(root.at("attributes").at(i), "attribute \"" + a.name + "\" is defined twice");
    names.push_back(a.name);
    cat.attributes.push_back(std::move(a));
  }
  for (const auto& required : kRequiredAttributes)
    if (!cat.attribute(required))
      fail<E>(root.at("attributes"), "the data standard must define \"" + required + "\"");
  if (!doc.contains("datasets") || !doc["datasets"].is_array() || doc["datasets"].empty())
    fail<E>(root.at("datasets"), "must be a non-empty list of datasets");
  for (std::size_t i = 0; i < doc["datasets"].size(); ++i) {
    auto d = parse_dataset(doc["datasets"][i], root.at("datasets").at(i), names);
    if (cat.dataset(d.id)) fail<E>(root.at("datasets").at(i), "dataset id \"" + d.id + "\" is used twice");
    cat.datasets.push_back(std::move(d));
  }
  std::vector<std::string> dataset_ids;
  for (const auto& d : cat.datasets) dataset_ids.push_back(d.id);
  for (std::size_t i = 0; i < cat.attributes.size(); ++i) {
    const auto& a = cat.attributes[i];
    if (a.authoritative_source.empty()) continue;
    const Where w = root.at("attributes").at(i).labelled("attribute " + a.name).at("authoritative_source");
    require_one_of<E>(a.authoritative_source, dataset_ids, w, "dataset");
    if (!cat.dataset(a.authoritative_source)->column_for(a.name))
      fail<E>(w, "dataset \"" + a.authoritative_source + "\" does not map " + a.name);
  }
  return cat;
}

Catalogue load_catalogue(const std::filesystem::path& path) {
  return parse_catalogue(read_as<E>(path), path.string());
}

void check_pack_against_catalogue(const rules::RulePack& pack, const Catalogue& catalogue, const std::string& source) {
  using P = rules::RulePackError;
  std::vector<std::string> dataset_ids, attribute_names;
  for (const auto& d : catalogue.datasets) dataset_ids.push_back(d.id);
  for (const auto& a : catalogue.attributes) attribute_names.push_back(a.name);
  for (std::size_t i = 0; i < pack.rules.size(); ++i) {
    const auto& rule = pack.rules[i];
    const auto& kind = rules::kind_of(rule);
    const Where where = Where{source, "/rules/" + std::to_string(i), "rule " + rule.id};
    std::vector<std::string> allowed = attribute_names, types;
    allowed.insert(allowed.end(), kind.pseudo_attributes.begin(), kind.pseudo_attributes.end());
    for (std::size_t j = 0; j < rule.attributes.size(); ++j) {
      const Where aw = where.at("targets").at("attributes").at(j);
      require_one_of<P>(rule.attributes[j], allowed, aw, "canonical attribute");
      const auto* attribute = catalogue.attribute(rule.attributes[j]);
      if (!attribute) continue;  // a pseudo-attribute
      if (!kind.attribute_types.empty() && std::find(kind.attribute_types.begin(), kind.attribute_types.end(),
                                                     attribute->type) == kind.attribute_types.end())
        fail<P>(aw, "\"" + attribute->name + "\" has type " + attribute->type + "; kind " + rule.kind +
                        " checks attributes of these types only: " + [&] {
                          std::string list;
                          for (const auto& t : kind.attribute_types) list += (list.empty() ? "" : ", ") + t;
                          return list;
                        }());
      types.push_back(attribute->type);
    }
    if (kind.check_types) kind.check_types(rule.params, types, where.at("params"));
    for (std::size_t j = 0; j < rule.datasets.size(); ++j)
      require_one_of<P>(rule.datasets[j], dataset_ids, where.at("targets").at("datasets").at(j), "dataset");
    if (rule.params.contains("base_dataset")) {
      const std::string base_id = rule.params["base_dataset"].get<std::string>();
      require_one_of<P>(base_id, dataset_ids, where.at("params").at("base_dataset"), "dataset");
      const auto* base = catalogue.dataset(base_id);
      if (rule.params.contains("base_attribute")) {
        const std::string attribute = rule.params["base_attribute"].get<std::string>();
        require_one_of<P>(attribute, attribute_names, where.at("params").at("base_attribute"), "canonical attribute");
        if (!base->column_for(attribute))
          fail<P>(where.at("params").at("base_attribute"), "base dataset " + base_id + " does not map " + attribute);
      } else {
        for (std::size_t j = 0; j < rule.attributes.size(); ++j)
          if (!base->column_for(rule.attributes[j]))
            fail<P>(where.at("targets").at("attributes").at(j),
                    "base dataset " + base_id + " does not map " + rule.attributes[j] +
                        "; name the attribute it must exist in with params.base_attribute");
      }
    }
  }
}

rules::RulePack load_rule_pack(const std::filesystem::path& path, const Catalogue& catalogue) {
  auto pack = rules::parse_rule_pack(read_as<rules::RulePackError>(path), path.string());
  check_pack_against_catalogue(pack, catalogue, path.string());
  return pack;
}

}  // namespace jiaohe::engine::catalog
