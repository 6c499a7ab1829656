#include "rules/ids/identifier_check.hpp"

#include "rules/ids/identifier_text.hpp"

namespace jiaohe::rules::ids {

namespace {

enum class Shape { kDigits, kAlphanumeric18, kOther };

Shape shape_of(const FoldedIdentifier& folded) {
  if (folded.length == 0 || folded.length > kFoldedCapacity) return Shape::kOther;
  bool digits_only = true;
  for (char c : folded.view()) {
    const bool digit = (c >= '0' && c <= '9') || c == 'X';
    const bool letter = c >= 'A' && c <= 'Z';
    if (!digit && !letter) return Shape::kOther;
    if (!digit) digits_only = false;
  }
  if (digits_only) return Shape::kDigits;
  return folded.length == 18 ? Shape::kAlphanumeric18 : Shape::kOther;
}

template <class V>
IdentifierCheck from_verdict(IdentifierKind kind, const V& v) {
  IdentifierCheck r;
  r.kind = kind;
  r.valid = v.ok();
  if (r.valid) {
    r.chars = v.chars;
    r.size = v.size;
  } else {
    r.reason_code = reason_code(v.reason);
  }
  return r;
}

}  // namespace

IdentifierCheck check_identifier(std::string_view text, const CitizenIdOptions& options, ExpectedKind expected) {
  const FoldedIdentifier folded = fold_identifier(text);
  if (expected == ExpectedKind::kCitizenId) return from_verdict(IdentifierKind::kCitizenId, validate_citizen_id(folded, options));
  if (expected == ExpectedKind::kCreditCode) return from_verdict(IdentifierKind::kCreditCode, validate_credit_code(folded));
  switch (shape_of(folded)) {
    case Shape::kDigits: {
      const CitizenIdVerdict ric = validate_citizen_id(folded, options);
      if (!ric.ok() && folded.length == 18) {
        const CreditCodeVerdict uscc = validate_credit_code(folded);
        if (uscc.ok()) return from_verdict(IdentifierKind::kCreditCode, uscc);
      }
      return from_verdict(IdentifierKind::kCitizenId, ric);
    }
    case Shape::kAlphanumeric18: return from_verdict(IdentifierKind::kCreditCode, validate_credit_code(folded));
    case Shape::kOther: break;
  }
  IdentifierCheck r;
  r.reason_code = "shape";
  return r;
}

std::string_view kind_code(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kCitizenId: return "ric";
    case IdentifierKind::kCreditCode: return "uscc";
    case IdentifierKind::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace jiaohe::rules::ids
