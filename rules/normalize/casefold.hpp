#pragma once
// ASCII case folding, for attributes whose type says case does not matter (e.g. e-mail
// addresses, licence plates). Non-ASCII bytes are left alone: Chinese has no case.
#include <string>
#include <string_view>

namespace jiaohe::rules::normalize {

constexpr char to_lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char to_upper_ascii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// `text` with A-Z lowered.
std::string casefold_ascii(std::string_view text);

}  // namespace jiaohe::rules::normalize
