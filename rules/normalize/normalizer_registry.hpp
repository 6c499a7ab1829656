#pragma once
// The one table of normalisers that catalogues name in JSON (docs/CATALOGUE.md, "Normalisers").
// A scan resolves the name once with find_normalizer() and calls the function per row.
// Every normaliser starts from fold_text() (unicode_text.hpp): NFKC, blanks trimmed,
// invisible characters dropped.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::rules::normalize {

// What some normalisers need besides the value; passed in, never read from a clock.
struct NormalizeContext {
  std::optional<std::chrono::year_month_day> today;  // citizen_id: birth dates after it are invalid; none: no check
  bool accept_legacy_15 = false;                      // citizen_id: accept and upgrade 15-digit numbers
};

struct NormalizeResult {
  bool ok = false;
  std::string value;             // the normalised value when ok
  std::string_view reason_code;  // snake_case when not ok, e.g. "check_character"
  std::string message;           // for people, when not ok
};

// Writes the result into `out` (reusing its buffers: the row pass calls this per value).
using NormalizeFn = void (*)(std::string_view value, const NormalizeContext& context, NormalizeResult& out);

struct Normalizer {
  std::string_view name;
  std::string_view summary;  // one line for docs and error messages
  NormalizeFn run;
};

// All normalisers, in the order of the docs.
const std::vector<Normalizer>& normalizers();
// The valid names, for validation of catalogues and "did you mean".
std::vector<std::string> normalizer_names();
// The normaliser called `name`, or nullptr.
const Normalizer* find_normalizer(std::string_view name);

// Normalises `value` with the normaliser `kind`; an unknown kind is a result with reason
// "unknown_normalizer" naming the nearest valid name.
NormalizeResult normalize(std::string_view kind, std::string_view value, const NormalizeContext& context = {});

}  // namespace jiaohe::rules::normalize
