#pragma once
// Province-level administrative division codes (GB/T 2260), the first two digits of every
// region code in a citizen identity number.
namespace jiaohe::rules::ids {

// True for the two-digit codes of the 34 province-level divisions:
// 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71 (Taiwan), 81 (Hong Kong), 82 (Macao).
bool is_province_code(int two_digits);

}  // namespace jiaohe::rules::ids
