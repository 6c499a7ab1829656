#include "engine/demo/province_generator.hpp"

#include <stdexcept>

#include "engine/demo/province_build.hpp"

namespace jiaohe::engine::demo {

ProvinceSummary generate_province(const ProvinceOptions& options, const rules::RulePack& pack, ProvinceSink& sink) {
  if (options.subjects < 0)
    throw std::invalid_argument("subjects must be 0 or more, got " + std::to_string(options.subjects));
  if (!(options.defect_rate >= 0.0 && options.defect_rate <= 1.0))
    throw std::invalid_argument("defect rate must be between 0 and 1, got " + std::to_string(options.defect_rate));
  const ProvinceRules rules = province_rules(pack);
  return build::Generator(options, rules, sink).run();
}

}  // namespace jiaohe::engine::demo
