#pragma once
// The dataset catalogue (docs/CATALOGUE.md): which datasets exist, who owns them, where they
// live, how their columns map to canonical attributes, and how often they promise updates.
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/rule.hpp"

namespace jiaohe::engine::catalog {

struct AttributeDef {
  std::string name;                  // "person.name"
  std::string type;                  // citizen_id, credit_code, text, code, date, phone, number
  std::string normalizer;            // a name from rules::normalize::normalizers()
  std::string authoritative_source;  // dataset id, or empty
  bool legacy_15 = false;            // citizen_id: 15-digit numbers are upgraded before any comparison
};

struct ColumnMapping {
  std::string column;
  std::string attribute;
  std::map<std::string, std::string> values;  // agency code -> canonical code
};

enum class SubjectType { kPerson, kOrganisation };

struct Agency {
  std::string code;
  std::string name;
};

// How a dataset may be opened to the public (Art. 30): unconditionally (to anyone), restricted
// (to applicants who meet conditions), or not at all.
enum class OpeningClass { kUnconditional, kRestricted, kProhibited };

struct DatasetDef {
  std::string id;
  std::string title;
  Agency agency;
  std::string table;         // schema.table
  std::string database_url;  // empty: Jiaohe's own database
  SubjectType subject_type = SubjectType::kPerson;
  std::string key_column;
  std::string record_key;
  std::string last_update_column;
  std::string last_update_zone = "Asia/Shanghai";  // of timestamp-without-zone, date and text columns
  int last_update_offset_minutes = 8 * 60;         // that zone's offset from UTC
  std::string last_update_format;                  // text columns: e.g. "%Y%m%d%H%M%S"; else empty
  std::string update_frequency;  // daily, weekly, monthly, quarterly, yearly
  int frequency_days = 1;        // the period the frequency promises (Art. 28)
  std::vector<ColumnMapping> columns;
  // The catalogue's "opening": its class and whether the open-data platform publishes it now.
  // Without one a dataset is restricted and unpublished: nothing is opened by default.
  OpeningClass opening_class = OpeningClass::kRestricted;
  bool published = false;
  std::string pointer;  // where the dataset sits in its catalogue file, e.g. "/datasets/2"

  const ColumnMapping* column_for(const std::string& attribute) const;
  const std::string& key_attribute() const;  // person.id_number or org.credit_code
  // Published to anyone (Art. 44 para. 3: then no personal data may be in it).
  bool opened_unconditionally() const { return published && opening_class == OpeningClass::kUnconditional; }
};

struct Catalogue {
  std::string source;  // the file it was read from, for messages
  std::vector<AttributeDef> attributes;
  std::vector<DatasetDef> datasets;

  const DatasetDef* dataset(const std::string& id) const;
  const AttributeDef* attribute(const std::string& name) const;
};

struct CatalogueError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Validates the document; `source` names it in messages. Every dataset, column and attribute
// reference is checked, and unknown keys are named with "did you mean".
Catalogue parse_catalogue(const nlohmann::json& doc, const std::string& source);
Catalogue load_catalogue(const std::filesystem::path& path);

// Loads a rule pack and checks its dataset/attribute references against the catalogue.
rules::RulePack load_rule_pack(const std::filesystem::path& path, const Catalogue& catalogue);
void check_pack_against_catalogue(const rules::RulePack& pack, const Catalogue& catalogue, const std::string& source);

}  // namespace jiaohe::engine::catalog
