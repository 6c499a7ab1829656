#include "engine/disputes/dispute_claim.hpp"

#include "engine/log/mask.hpp"

namespace jiaohe::engine::disputes {

nlohmann::json claim_payload(const DisputeRecord& d) {
  const auto masked = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(log::mask_identifiers(s));
  };
  return {{"attribute", d.attribute.empty() ? nlohmann::json() : nlohmann::json(d.attribute)},
          {"claimed_value", masked(d.claimed_value)},
          {"description", log::mask_identifiers(d.description)}};
}

}  // namespace jiaohe::engine::disputes
