#pragma once
// A ProvinceSink that keeps everything in memory, for tests of the pure generator.
#include <array>
#include <vector>

#include "engine/demo/province_generator.hpp"

namespace jiaohe::testing {

struct MemoryProvince final : engine::demo::ProvinceSink {
  std::array<std::vector<engine::demo::Row>, engine::demo::kProvinceTableCount> rows;
  std::vector<engine::demo::GroundTruthRow> findings;
  std::vector<engine::demo::VariantRow> variants;

  void add_row(engine::demo::ProvinceTable table, engine::demo::Row row) override {
    rows[static_cast<std::size_t>(table)].push_back(std::move(row));
  }
  void add_finding(engine::demo::GroundTruthRow finding) override { findings.push_back(std::move(finding)); }
  void add_variant(engine::demo::VariantRow variant) override { variants.push_back(std::move(variant)); }

  const std::vector<engine::demo::Row>& of(engine::demo::ProvinceTable table) const {
    return rows[static_cast<std::size_t>(table)];
  }
};

}  // namespace jiaohe::testing
