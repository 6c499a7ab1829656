#pragma once
// Fixed-width decimal fields, as found in identifiers (YYYYMMDD in a citizen ID, a region code)
// and ISO dates: read, written and turned into a calendar date in one place.
#include <chrono>
#include <string_view>

namespace jiaohe::rules {

// The value of `digits`, which the caller has checked are all ASCII digits.
constexpr int parse_digits(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Writes `value` (>= 0) as exactly `width` digits, zero-padded, to out[0..width).
constexpr void write_digits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// A calendar date from numeric fields; check ok() for dates such as 2023-02-29.
constexpr std::chrono::year_month_day date_of_fields(int y, int m, int d) {
  using namespace std::chrono;
  return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
}

}  // namespace jiaohe::rules
