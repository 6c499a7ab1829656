#include "rules/normalize/normalizer_registry.hpp"

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/normalize/date.hpp"
#include "rules/normalize/number.hpp"
#include "rules/normalize/phone.hpp"
#include "rules/normalize/unicode_text.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::rules::normalize {

namespace {

constexpr TextFold kText{Spaces::kCollapse, Case::kKeep, false};
constexpr TextFold kCasefold{Spaces::kCollapse, Case::kLower, false};
constexpr TextFold kPersonName{Spaces::kName, Case::kUpper, true};
constexpr TextFold kOrgName{Spaces::kRemove, Case::kUpper, false};
constexpr TextFold kCode{Spaces::kRemove, Case::kUpper, false};

void succeed(NormalizeResult& out) {
  out.ok = true;
  out.reason_code = {};
  out.message.clear();
}

void reject(NormalizeResult& out, std::string_view code, std::string_view message, unsigned position = 0) {
  out.ok = false;
  out.value.clear();
  out.reason_code = code;
  out.message.assign(message);
  if (position != 0) out.message += " (character " + std::to_string(position) + ")";
}

// Any verdict of rules/verdict.hpp as a result; reason_code/reason_message found by overload.
template <class V>
void from_verdict(const V& v, NormalizeResult& out) {
  if (!v.ok()) return reject(out, reason_code(v.reason), reason_message(v.reason), v.position);
  out.value.assign(v.value());
  succeed(out);
}

template <const TextFold& fold>
void run_fold(std::string_view value, const NormalizeContext&, NormalizeResult& out) {
  fold_text(value, fold, out.value);
  succeed(out);
}

// The text the parsing normalisers read: NFKC, blanks trimmed, white space collapsed.
std::string_view folded(std::string_view value) {
  thread_local std::string buffer;
  fold_text(value, kText, buffer);
  return buffer;
}

void run_date(std::string_view value, const NormalizeContext&, NormalizeResult& out) {
  from_verdict(normalize_date(folded(value)), out);
}
void run_phone(std::string_view value, const NormalizeContext&, NormalizeResult& out) {
  from_verdict(normalize_phone(folded(value)), out);
}
void run_number(std::string_view value, const NormalizeContext&, NormalizeResult& out) {
  const auto r = normalize_number(value, out.value);
  if (r.reason != NumberReason::kOk) return reject(out, reason_code(r.reason), reason_message(r.reason));
  succeed(out);
}
void run_citizen_id(std::string_view value, const NormalizeContext& context, NormalizeResult& out) {
  using namespace std::chrono;
  ids::CitizenIdOptions options{context.today.value_or(year_month_day{year::max() / December / 31}),
                                context.accept_legacy_15};
  from_verdict(ids::validate_citizen_id(folded(value), options), out);
}
void run_credit_code(std::string_view value, const NormalizeContext&, NormalizeResult& out) {
  from_verdict(ids::validate_credit_code(folded(value)), out);
}

}  // namespace

const std::vector<Normalizer>& normalizers() {
  static const std::vector<Normalizer> table = {
      {"text", "NFKC, blanks trimmed, white space collapsed to one space", run_fold<kText>},
      {"casefold", "as text, then letters lower-cased", run_fold<kCasefold>},
      {"person_name", "NFKC, no white space next to CJK characters or middle dots, one space between Latin words, "
                      "middle dots unified, letters upper-cased",
       run_fold<kPersonName>},
      {"org_name", "NFKC (so （ is (), white space removed, letters upper-cased", run_fold<kOrgName>},
      {"code", "NFKC, white space removed, letters upper-cased (agency codes: m, M, Ｍ)", run_fold<kCode>},
      {"date", "dates in common Chinese forms to YYYY-MM-DD", run_date},
      {"number", "decimal numbers with optional , group separators to canonical decimal text", run_number},
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
  NormalizeResult r;
  if (const Normalizer* n = find_normalizer(kind)) {
    n->run(value, context, r);
    return r;
  }
  r.reason_code = "unknown_normalizer";
  r.message = "unknown normalizer '" + std::string(kind) + "'";
  if (auto near = text::nearest_name(kind, normalizer_names())) r.message += " (did you mean '" + *near + "'?)";
  return r;
}

}  // namespace jiaohe::rules::normalize
