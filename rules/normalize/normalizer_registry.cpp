#include "rules/normalize/normalizer_registry.hpp"

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/normalize/casefold.hpp"
#include "rules/normalize/date.hpp"
#include "rules/normalize/full_width.hpp"
#include "rules/normalize/phone.hpp"
#include "rules/normalize/whitespace.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::rules::normalize {

namespace {

// Any verdict of rules/verdict.hpp as a result; reason_code/reason_message found by overload.
template <class V>
NormalizeResult from_verdict(const V& v) {
  NormalizeResult r;
  r.ok = v.ok();
  if (r.ok) {
    r.value = std::string(v.value());
  } else {
    r.reason_code = reason_code(v.reason);
    r.message = std::string(reason_message(v.reason));
    if (v.position != 0) r.message += " (character " + std::to_string(v.position) + ")";
  }
  return r;
}

NormalizeResult ok(std::string value) {
  NormalizeResult r;
  r.ok = true;
  r.value = std::move(value);
  return r;
}

NormalizeResult run_text(std::string_view value, const NormalizeContext&) {
  return ok(collapse_whitespace(fold_full_width(value)));
}
NormalizeResult run_casefold(std::string_view value, const NormalizeContext&) {
  return ok(casefold_ascii(collapse_whitespace(fold_full_width(value))));
}
NormalizeResult run_date(std::string_view value, const NormalizeContext&) { return from_verdict(normalize_date(value)); }
NormalizeResult run_phone(std::string_view value, const NormalizeContext&) { return from_verdict(normalize_phone(value)); }
NormalizeResult run_citizen_id(std::string_view value, const NormalizeContext& context) {
  using namespace std::chrono;
  ids::CitizenIdOptions options{context.today.value_or(year_month_day{year::max() / December / 31}),
                                context.accept_legacy_15};
  return from_verdict(ids::validate_citizen_id(value, options));
}
NormalizeResult run_credit_code(std::string_view value, const NormalizeContext&) {
  return from_verdict(ids::validate_credit_code(value));
}

}  // namespace

const std::vector<Normalizer>& normalizers() {
  static const std::vector<Normalizer> table = {
      {"text", "full-width ASCII to half-width, white space trimmed and collapsed", run_text},
      {"casefold", "as text, then A-Z lowered", run_casefold},
      {"date", "dates in common Chinese forms to YYYY-MM-DD", run_date},
      {"phone", "mainland mobile numbers to 11 digits", run_phone},
      {"citizen_id", "citizen identity number (GB 11643) checked and normalised", run_citizen_id},
      {"credit_code", "unified social credit code (GB 32100) checked and normalised", run_credit_code},
  };
  return table;
}

std::vector<std::string> normalizer_names() {
  std::vector<std::string> names;
  for (const Normalizer& n : normalizers()) names.emplace_back(n.name);
  return names;
}

const Normalizer* find_normalizer(std::string_view name) {
  for (const Normalizer& n : normalizers())
    if (n.name == name) return &n;
  return nullptr;
}

NormalizeResult normalize(std::string_view kind, std::string_view value, const NormalizeContext& context) {
  if (const Normalizer* n = find_normalizer(kind)) return n->run(value, context);
  NormalizeResult r;
  r.reason_code = "unknown_normalizer";
  r.message = "unknown normalizer '" + std::string(kind) + "'";
  if (auto near = text::nearest_name(kind, normalizer_names())) r.message += " (did you mean '" + *near + "'?)";
  return r;
}

}  // namespace jiaohe::rules::normalize
