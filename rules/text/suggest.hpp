#pragma once
// "Did you mean": the closest of a set of valid names to a misspelt one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::rules::text {

// Levenshtein distance, byte-wise.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `name`, if it is close enough to be a plausible typo
// (distance at most a third of the name's length, and at least 1 allowed).
std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace jiaohe::rules::text
