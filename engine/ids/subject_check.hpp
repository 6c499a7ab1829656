#pragma once
// Checking the identifier of a data subject (citizen ID number or unified social credit code)
// as of today in Asia/Shanghai: a citizen ID number may not carry a birth date after today.
// The one place where the API and the stores validate a subject.
#include <string>
#include <string_view>

#include "engine/clock.hpp"
#include "rules/ids/identifier_check.hpp"

namespace jiaohe::engine::ids {

rules::ids::IdentifierCheck check_subject(std::string_view text, Instant now);

// The normalised identifier, or engine::Error(kInvalidInput) saying which `what` is invalid and
// the validator's reason code (never the number itself).
std::string validated_subject(std::string_view text, Instant now, const std::string& what);

}  // namespace jiaohe::engine::ids
