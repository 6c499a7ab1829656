#include "engine/ids/subject_check.hpp"

#include <chrono>

#include "engine/calendar/local_time.hpp"
#include "engine/error.hpp"

namespace jiaohe::engine::ids {

rules::ids::IdentifierCheck check_subject(std::string_view text, Instant now) {
  const auto today = calendar::local_date_of(now);
  return rules::ids::check_identifier(text, rules::ids::CitizenIdOptions{today, false});
}

std::string validated_subject(std::string_view text, Instant now, const std::string& what) {
  const auto check = check_subject(text, now);
  if (!check.valid)
    throw Error(ErrorCode::kInvalidInput,
                what + " is not a valid citizen ID number or credit code (" + std::string(check.reason_code) + ")");
  return std::string(check.value());
}

}  // namespace jiaohe::engine::ids
