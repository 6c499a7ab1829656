#pragma once
// Masking of personal identifiers in any text that leaves the process (logs, reports).
// Citizen ID numbers (17 digits + digit or X, or the 15-digit legacy form) and unified social
// credit codes (18 characters of the GB 32100 alphabet, either case), also when typed with
// full-width characters, keep their first 6 and last 4 characters: 330106********123X.
#include <string>
#include <string_view>

namespace jiaohe::engine::log {

// One identifier, masked; any other value is returned unchanged.
std::string mask_identifier(std::string_view value);

// `text` with every identifier-shaped token masked. A token is a maximal run of ASCII letters
// and digits, so longer numbers (order numbers, timestamps) are left alone.
std::string mask_identifiers(std::string_view text);

}  // namespace jiaohe::engine::log
