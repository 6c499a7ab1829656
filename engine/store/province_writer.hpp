#pragma once
// Writes the synthetic demo province (engine/demo/province_generator.hpp) into schema
// `platform`: drops and recreates the schema, the five demo tables and platform.ground_truth,
// loads them with COPY, all in one transaction, so a failed run leaves nothing half-made.
#include <string>

#include "engine/demo/province_generator.hpp"

namespace jiaohe::engine::store {

// Replaces schema `platform` of the database at `url` with a generated province. A `platform`
// schema this function did not make (it marks its own with a comment) is refused with
// Error(kConflict) and left as it is, unless `replace_foreign_schema`.
demo::ProvinceSummary write_province(const std::string& url, const demo::ProvinceOptions& options,
                                     bool replace_foreign_schema = false);

}  // namespace jiaohe::engine::store
