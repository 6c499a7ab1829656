#pragma once
// The shape of the synthetic demo province: the five platform tables of
// data/demo/catalogue.json (column names exactly as there), the row values the generator
// produces, and the ground truth of the findings a scan must report on them.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine::demo {

enum class ProvinceTable : std::size_t { kGajHukou, kMztDibao, kRstInsured, kScjCompany, kSwjTaxpayer };
inline constexpr std::size_t kProvinceTableCount = 5;

struct TableShape {
  std::string_view dataset_id;  // catalogue dataset id, also the table name in schema `platform`
  std::vector<std::string_view> columns;  // in the order of the generator's row values
};

// The shape of `table`; the first column is the record key, the last the last-update column.
const TableShape& table_shape(ProvinceTable table);
inline constexpr std::array<ProvinceTable, kProvinceTableCount> kProvinceTables = {
    ProvinceTable::kGajHukou, ProvinceTable::kMztDibao, ProvinceTable::kRstInsured, ProvinceTable::kScjCompany,
    ProvinceTable::kSwjTaxpayer};

// One row as text in the table's column order; nullopt is SQL NULL. Dates and instants are
// written in forms PostgreSQL reads (`1990-03-07`, `2026-01-02 03:04:05+00`).
using Row = std::vector<std::optional<std::string>>;

// One finding the scanner must report (docs/CATALOGUE.md): rule + dataset + record + attribute.
struct GroundTruthRow {
  std::string rule_id;
  std::string dataset_id;
  std::string record_key;  // the record key value as text; "*" for dataset-level findings
  std::string attribute;   // canonical attribute, "_record" or "_dataset"
  std::string note;        // what was injected, for people reading the table

  bool operator==(const GroundTruthRow&) const = default;
};

// A record that carries a harmless variant and must get no finding at all.
struct VariantRow {
  std::string dataset_id;
  std::string record_key;
  std::string variant;  // e.g. "name padded with U+3000"

  bool operator==(const VariantRow&) const = default;
};

// Where the generator puts what it makes; rows of one table arrive in key order.
class ProvinceSink {
 public:
  virtual ~ProvinceSink() = default;
  virtual void add_row(ProvinceTable table, Row row) = 0;
  virtual void add_finding(GroundTruthRow finding) = 0;
  virtual void add_variant(VariantRow variant) = 0;
};

}  // namespace jiaohe::engine::demo
