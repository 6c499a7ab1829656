#include "rules/normalize/canonical_value.hpp"

#include "rules/normalize/unicode_text.hpp"

namespace jiaohe::rules::normalize {

void key_form(std::string_view text, std::string& out) { fold_text(text, {Spaces::kRemove, Case::kUpper, false}, out); }

ValueCanonicalizer::ValueCanonicalizer(const Normalizer& normalizer, NormalizeContext context,
                                       const std::map<std::string, std::string>& values)
    : normalizer_(&normalizer), context_(context) {
  for (const auto& [from, to] : values) {
    // A map key the normaliser rejects is kept in its folded form: rejected values look it up so.
    normalizer_->run(from, context_, result_);
    values_[result_.ok ? result_.value : fold_text(from, {})] = to;
  }
}

void ValueCanonicalizer::canonicalize(std::optional<std::string_view> stored, CanonicalValue& out) {
  out = {};
  if (!stored) return;
  out.raw = *stored;
  fold_text(*stored, {}, folded_);
  out.folded = folded_;
  out.present = !folded_.empty();
  if (!out.present) return;
  normalizer_->run(folded_, context_, result_);
  out.normalized_ok = result_.ok;
  if (!values_.empty())
    if (auto it = values_.find(result_.ok ? std::string_view(result_.value) : out.folded); it != values_.end()) {
      result_.value = it->second;
      out.normalized_ok = true;
    }
  if (out.normalized_ok) {
    out.normalized = result_.value;
    out.key = out.normalized;
  } else {
    out.reason = result_.reason_code;
    key_form(folded_, key_);
    out.key = key_;
  }
}

}  // namespace jiaohe::rules::normalize
