#pragma once
// The one normalisation of a stored value (docs/CATALOGUE.md, "How a value is normalised"):
// every rule, row or set, compares what this produces and nothing else. Per column of a
// dataset: blank test, the attribute's normaliser, the catalogue's value map, and the
// comparison key that uniqueness and references use.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "rules/normalize/normalizer_registry.hpp"

namespace jiaohe::rules::normalize {

struct CanonicalValue {
  bool present = false;          // not NULL and not blank (unicode_text.hpp)
  std::string_view raw;          // as stored, for evidence
  std::string_view folded;       // NFKC, blanks trimmed, white space collapsed
  bool normalized_ok = false;
  std::string_view normalized;   // the normaliser's value, then the value map's (when normalized_ok)
  std::string_view reason;       // the normaliser's reason code when present but not normalised
  std::string_view key;          // comparison key: `normalized` when ok, else key_form(folded)
};

// The key form of a value the normaliser rejects, and of record keys: NFKC, every blank
// removed, letters upper-cased (so `r10`, `R 10` and `Ｒ１０` are one key).
void key_form(std::string_view text, std::string& out);

class ValueCanonicalizer {
 public:
  // `values` maps agency codes to canonical ones; its keys are normalised like the values.
  ValueCanonicalizer(const Normalizer& normalizer, NormalizeContext context,
                     const std::map<std::string, std::string>& values);
  ValueCanonicalizer(const ValueCanonicalizer&) = delete;
  ValueCanonicalizer& operator=(const ValueCanonicalizer&) = delete;
  ValueCanonicalizer(ValueCanonicalizer&&) = default;

  // `stored` is nullopt for SQL NULL. The views in `out` stay valid until the next call.
  void canonicalize(std::optional<std::string_view> stored, CanonicalValue& out);

 private:
  const Normalizer* normalizer_;
  NormalizeContext context_;
  std::map<std::string, std::string, std::less<>> values_;
  std::string folded_, key_;
  NormalizeResult result_;
};

}  // namespace jiaohe::rules::normalize
