#pragma once
// The outcome of validating or normalising one value: either the normalised value, held in a
// small fixed buffer so the row pass allocates nothing, or a reason why the value is invalid.
// Defects in data are values, not exceptions (STYLE.md habit 5).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jiaohe::rules {

template <class Reason, std::size_t N>
struct Verdict {
  Reason reason = Reason::kOk;
  std::uint8_t position = 0;  // 1-based character at fault, 0 when the reason is not about one
  std::uint8_t size = 0;      // characters of value() in use
  std::array<char, N> chars{};

  bool ok() const { return reason == Reason::kOk; }
  // The normalised value; empty unless ok().
  std::string_view value() const { return ok() ? std::string_view(chars.data(), size) : std::string_view(); }

  static Verdict fail(Reason r, std::uint8_t at = 0) {
    Verdict v;
    v.reason = r;
    v.position = at;
    return v;
  }
};

}  // namespace jiaohe::rules
