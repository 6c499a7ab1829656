#pragma once
// One identifier of unknown kind, recognised by its shape and checked: what `jiaohe
// validate-id` prints per line, and what a rule uses when a column may hold either kind.
#include <array>
#include <cstdint>
#include <string_view>

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"

namespace jiaohe::rules::ids {

enum class IdentifierKind : std::uint8_t { kUnknown, kCitizenId, kCreditCode };

struct IdentifierCheck {
  IdentifierKind kind = IdentifierKind::kUnknown;
  bool valid = false;
  std::string_view reason_code;  // snake_case when invalid ("shape" when the kind is unknown)
  std::uint8_t size = 0;
  std::array<char, 18> chars{};

  // The normalised value when valid, else empty.
  std::string_view value() const { return {chars.data(), size}; }
};

// Which kind the caller expects: one of the two, or "decide by shape".
enum class ExpectedKind : std::uint8_t { kAuto, kCitizenId, kCreditCode };

// kAuto: shape decides the kind, after folding: digits (with X) are a citizen ID, 18 letters
// and digits with a letter other than X a credit code, anything else unknown. An all-digit
// 18-character value is an invalid citizen ID unless it is a valid credit code, which includes
// a plausible registration authority, organisation type and region (914403001922038216): a
// mistyped citizen ID almost never is one. kCitizenId / kCreditCode check that kind only.
IdentifierCheck check_identifier(std::string_view text, const CitizenIdOptions& options,
                                 ExpectedKind expected = ExpectedKind::kAuto);

// "ric" (resident identity card), "uscc" or "unknown".
std::string_view kind_code(IdentifierKind kind);

}  // namespace jiaohe::rules::ids
