#pragma once
// "Did you mean" for command and option names typed on the command line: two neighbouring
// letters swapped ("scna"), a near miss by edit distance ("sweap"), or the start of exactly
// one name ("gen" for generate).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::cli {

std::optional<std::string> did_you_mean(std::string_view typed, const std::vector<std::string>& names);

}  // namespace jiaohe::cli
