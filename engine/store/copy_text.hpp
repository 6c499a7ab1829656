#pragma once
// PostgreSQL's COPY text format, both ways: the row pass reads rows as COPY lines and stages
// what it found as COPY lines. Pure (no connection), so the evaluator can use it outside the
// store.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine::store {

// Appends `value` escaped (backslash, tab, newline, carriage return).
void append_copy_field(std::string& line, std::string_view value);
// Splits one COPY text line into fields, unescaping into `scratch`; NULL fields (\N) are
// reported as nullopt. The views point into `scratch` or `line`.
void split_copy_line(std::string_view line, std::string& scratch, std::vector<std::optional<std::string_view>>& out);

}  // namespace jiaohe::engine::store
