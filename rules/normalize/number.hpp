#pragma once
// Numbers as agencies write them (`1000000`, `1,000,000`, `２００`, ` -5 `, `12.50`) to one
// canonical decimal text (`1000000`, `-5`, `12.5`), for the `number` normaliser and `range`.
#include <cstdint>
#include <string>
#include <string_view>

namespace jiaohe::rules::normalize {

enum class NumberReason : std::uint8_t { kOk, kEmpty, kFormat };

struct NumberResult {
  NumberReason reason = NumberReason::kOk;
  double value = 0;  // when ok
};

// Writes the canonical text of `text` into `out` (when ok): NFKC, blanks dropped, a sign,
// digits with optional `,` group separators, an optional `.` fraction; leading zeros and
// trailing fraction zeros removed, `-0` written `0`.
NumberResult normalize_number(std::string_view text, std::string& out);

std::string_view reason_code(NumberReason reason);
std::string_view reason_message(NumberReason reason);

}  // namespace jiaohe::rules::normalize
