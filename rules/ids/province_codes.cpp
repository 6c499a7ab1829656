#include "rules/ids/province_codes.hpp"

#include <array>

namespace jiaohe::rules::ids {

namespace {

// The one table of province-level codes (GB/T 2260). 11-15 North, 21-23 North-east,
// 31-37 East, 41-46 Central-South, 50-54 South-west, 61-65 North-west, 71 Taiwan,
// 81-82 Hong Kong and Macao. Ranges rather than a list: the standard numbers them in blocks.
struct Range {
  int first;
  int last;
};
constexpr std::array<Range, 8> kProvinceRanges = {{
    {11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 82},
}};

constexpr std::array<bool, 100> make_table() {
  std::array<bool, 100> t{};
  for (const Range& r : kProvinceRanges)
    for (int c = r.first; c <= r.last; ++c) t[static_cast<std::size_t>(c)] = true;
  return t;
}
constexpr std::array<bool, 100> kIsProvince = make_table();

}  // namespace

bool is_province_code(int two_digits) {
  return two_digits >= 0 && two_digits < 100 && kIsProvince[static_cast<std::size_t>(two_digits)];
}

}  // namespace jiaohe::rules::ids
