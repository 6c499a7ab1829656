#include "rules/ids/exposed_identifiers.hpp"

#include <string>

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/ids/identifier_text.hpp"
#include "rules/normalize/full_width.hpp"

namespace jiaohe::rules::ids {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z'); }

// `text` folded to one byte per character: full-width forms to ASCII, letters upper-cased,
// anything else that is not ASCII to kForeignChar (a boundary like any punctuation). Kept per
// thread so the row pass allocates only when a longer text than any before comes.
std::string_view fold(std::string_view text) {
  thread_local std::string out;
  out.clear();
  for (std::size_t pos = 0; pos < text.size();) {
    const normalize::FoldedChar f = normalize::next_folded(text, pos);
    pos += f.length;
    char c = f.code_point < 0x80 ? static_cast<char>(f.code_point) : kForeignChar;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
  }
  return out;
}

bool citizen_number_at(std::string_view s, std::size_t begin, std::size_t end, std::chrono::year_month_day today) {
  // [begin, end) is a maximal run of digits; a 17-digit run may end in X.
  std::size_t length = end - begin;
  if (length == 17 && end < s.size() && s[end] == 'X') ++length;
  if (length != 18) return false;
  return validate_citizen_id(s.substr(begin, 18), {today, false}).ok();
}

bool mobile_digits(std::string_view digits) {
  return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

// The digits of a group starting at `begin` (a run of digits not preceded by one): up to three
// runs joined by one space or hyphen, ending where no digit follows. Returns false when the
// group has more than 16 digits or more than three parts (then it is some other number).
bool mobile_group_at(std::string_view s, std::size_t begin) {
  char digits[16];
  std::size_t n = 0, parts = 1, i = begin;
  for (;;) {
    while (i < s.size() && is_digit(s[i])) {
      if (n == sizeof digits) return false;
      digits[n++] = s[i++];
    }
    if (i + 1 < s.size() && (s[i] == ' ' || s[i] == '-') && is_digit(s[i + 1]) && parts < 3) {
      ++parts;
      ++i;
      continue;
    }
    break;
  }
  std::string_view d(digits, n);
  if (d.size() == 13 && d.substr(0, 2) == "86" && begin > 0 && s[begin - 1] == '+') d.remove_prefix(2);
  if (d.size() == 15 && d.substr(0, 4) == "0086") d.remove_prefix(4);
  return mobile_digits(d);
}

// Calls on_run(begin, end) for each maximal run of characters that `in_run` accepts.
template <class InRun, class OnRun>
void for_each_run(std::string_view s, InRun in_run, OnRun on_run) {
  for (std::size_t i = 0; i < s.size();) {
    if (!in_run(s[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && in_run(s[end])) ++end;
    on_run(i, end);
    i = end;
  }
}

constexpr ExposedKinds bit(ExposedKind kind) { return static_cast<ExposedKinds>(kind); }

}  // namespace

ExposedKinds find_exposed(std::string_view text, std::chrono::year_month_day today) {
  // Most values are short codes, names and dates: nothing with fewer than 11 characters can
  // hold one of these identifiers.
  if (text.size() < 11) return 0;
  const std::string_view s = fold(text);
  ExposedKinds found = 0;
  // Digit runs: citizen numbers and mobile numbers.
  for_each_run(s, is_digit, [&](std::size_t begin, std::size_t end) {
    if (citizen_number_at(s, begin, end, today)) found |= bit(ExposedKind::kCitizenId);
    if (mobile_group_at(s, begin)) found |= bit(ExposedKind::kMobile);
  });
  // Runs of letters and digits: credit codes of individual businesses.
  for_each_run(s, is_alnum, [&](std::size_t begin, std::size_t end) {
    if (end - begin == 18 && s[begin] == '9' && s[begin + 1] == '2' && validate_credit_code(s.substr(begin, 18)).ok())
      found |= bit(ExposedKind::kIndividualBusinessCode);
  });
  return found;
}

std::string_view exposed_kind_name(ExposedKind kind) {
  switch (kind) {
    case ExposedKind::kCitizenId: return "citizen_id";
    case ExposedKind::kIndividualBusinessCode: return "individual_business_code";
    case ExposedKind::kMobile: return "mobile";
  }
  return "unknown";
}

}  // namespace jiaohe::rules::ids
