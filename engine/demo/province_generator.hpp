#pragma once
// The synthetic demo province: N persons and N/10 organisations spread over the five demo
// datasets, with harmless variants of every kind real tables hold (text_noise.hpp), defects of
// every rule kind of a pack (data/packs/baseline.json) injected at known places, and the exact
// findings they must cause as ground truth. Pure: rows, findings and variants go to a
// ProvinceSink; the same options give the same province.
#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "engine/clock.hpp"
#include "engine/demo/province_rows.hpp"
#include "engine/demo/province_rules.hpp"

namespace jiaohe::engine::demo {

struct ProvinceOptions {
  std::int64_t subjects = 0;   // persons; organisations are subjects / 10, at least 1
  double defect_rate = 0.0;    // probability that a subject becomes a defect's place, 0..1
  std::uint64_t seed = 0;
  Instant as_of;               // the scan instant the ground truth is true for
};

struct ProvinceSummary {
  std::array<std::int64_t, kProvinceTableCount> rows{};  // per ProvinceTable
  std::map<std::string, std::int64_t> defects;    // injected defects per kind, e.g. "id_invalid"
  std::map<std::string, std::int64_t> findings;   // ground-truth rows per rule id
};

// Generates the province into `sink`. Throws std::invalid_argument for negative subjects or a
// rate outside 0..1. With a rate above 0, every defect kind is placed at least once (at the
// first subject where it fits), so that small provinces still exercise every rule.
// The rule ids of the ground truth are the pack's, found by kind (province_rules.hpp).
ProvinceSummary generate_province(const ProvinceOptions& options, const rules::RulePack& pack, ProvinceSink& sink);

}  // namespace jiaohe::engine::demo
