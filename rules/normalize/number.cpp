#include "rules/normalize/number.hpp"

#include <charconv>

#include "rules/normalize/unicode_text.hpp"

namespace jiaohe::rules::normalize {

NumberResult normalize_number(std::string_view text, std::string& out) {
  thread_local std::string folded;
  fold_text(text, {Spaces::kRemove, Case::kKeep, false}, folded);
  if (folded.empty()) return {NumberReason::kEmpty, 0};
  std::string_view s = folded;
  bool negative = false;
  if (s.front() == '+' || s.front() == '-') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::string integer, fraction;
  bool in_fraction = false, previous_digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      (in_fraction ? fraction : integer).push_back(c);
      previous_digit = true;
    } else if (c == ',' && !in_fraction && previous_digit) {
      previous_digit = false;  // a group separator must sit between digits
    } else if (c == '.' && !in_fraction && (previous_digit || integer.empty())) {
      in_fraction = true;
      previous_digit = false;
    } else {
      return {NumberReason::kFormat, 0};
    }
  }
  if (!previous_digit || (integer.empty() && fraction.empty())) return {NumberReason::kFormat, 0};
  const auto first = integer.find_first_not_of('0');
  integer = first == std::string::npos ? "0" : integer.substr(first);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  out.clear();
  if (negative && !(integer == "0" && fraction.empty())) out.push_back('-');
  out += integer;
  if (!fraction.empty()) out += "." + fraction;
  NumberResult r;
  std::from_chars(out.data(), out.data() + out.size(), r.value);
  return r;
}

std::string_view reason_code(NumberReason reason) {
  switch (reason) {
    case NumberReason::kOk: return "ok";
    case NumberReason::kEmpty: return "empty";
    case NumberReason::kFormat: return "not_a_number";
  }
  return "unknown";
}

std::string_view reason_message(NumberReason reason) {
  switch (reason) {
    case NumberReason::kOk: return "a number";
    case NumberReason::kEmpty: return "no number given";
    case NumberReason::kFormat: return "not a number like 1000, 1,000 or -12.5";
  }
  return "unknown reason";
}

}  // namespace jiaohe::rules::normalize
