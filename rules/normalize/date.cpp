#include "rules/normalize/date.hpp"

#include <array>

#include "rules/normalize/full_width.hpp"
#include "rules/normalize/whitespace.hpp"

namespace jiaohe::rules::normalize {

namespace {

// A run of digits or one separator character; white space between tokens is ignored.
struct Token {
  bool number = false;
  int value = 0;
  int digits = 0;
  char32_t separator = 0;
};

// The longest accepted form, 2020年1月2日, has 6 tokens; one more detects trailing junk.
constexpr std::size_t kMaxTokens = 7;

constexpr char32_t kYearMark = U'年';
constexpr char32_t kMonthMark = U'月';
constexpr char32_t kDayMark = U'日';

bool small(const Token& t) { return t.number && t.digits >= 1 && t.digits <= 2; }

void put_digits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

DateVerdict normalize_date(std::string_view text) {
  std::array<Token, kMaxTokens> tokens{};
  std::size_t count = 0;
  bool previous_digit = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const FoldedChar f = next_folded(text, pos);
    pos += f.length;
    const char32_t c = f.code_point;
    if (c < 0x80 && is_ascii_space(static_cast<char>(c))) {
      previous_digit = false;
      continue;
    }
    const bool is_digit = c >= U'0' && c <= U'9';
    if (is_digit && previous_digit) {
      Token& t = tokens[count - 1];
      if (t.digits < 9) t.value = t.value * 10 + static_cast<int>(c - U'0');
      ++t.digits;
      continue;
    }
    if (count == kMaxTokens) return DateVerdict::fail(DateReason::kFormat);
    Token& t = tokens[count++];
    if (is_digit) {
      t = {true, static_cast<int>(c - U'0'), 1, 0};
    } else {
      t.separator = c;
    }
    previous_digit = is_digit;
  }
  if (count == 0) return DateVerdict::fail(DateReason::kEmpty);

  int y = 0;
  int m = 0;
  int d = 0;
  const Token* t = tokens.data();
  if (count == 1 && t[0].number && t[0].digits == 8) {
    y = t[0].value / 10000;
    m = t[0].value / 100 % 100;
    d = t[0].value % 100;
  } else if ((count == 5 || count == 6) && t[0].number && t[0].digits == 4 && small(t[2]) && small(t[4]) &&
             !t[1].number && !t[3].number) {
    const char32_t s1 = t[1].separator;
    const char32_t s2 = t[3].separator;
    const bool punctuated = count == 5 && s1 == s2 && (s1 == U'-' || s1 == U'/' || s1 == U'.');
    const bool chinese = s1 == kYearMark && s2 == kMonthMark && (count == 5 || t[5].separator == kDayMark);
    if (!punctuated && !chinese) return DateVerdict::fail(DateReason::kFormat);
    y = t[0].value;
    m = t[2].value;
    d = t[4].value;
  } else {
    return DateVerdict::fail(DateReason::kFormat);
  }

  using namespace std::chrono;
  const year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return DateVerdict::fail(DateReason::kNotADate);
  DateVerdict v;
  put_digits(v.chars.data(), y, 4);
  v.chars[4] = '-';
  put_digits(v.chars.data() + 5, m, 2);
  v.chars[7] = '-';
  put_digits(v.chars.data() + 8, d, 2);
  v.size = 10;
  return v;
}

std::chrono::year_month_day date_of(const DateVerdict& verdict) {
  const std::string_view s = verdict.value();
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  using namespace std::chrono;
  if (s.size() != 10) return year_month_day{};
  return year_month_day{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))}, day{static_cast<unsigned>(num(8, 2))}};
}

std::string_view reason_code(DateReason reason) {
  switch (reason) {
    case DateReason::kOk: return "ok";
    case DateReason::kEmpty: return "empty";
    case DateReason::kFormat: return "format";
    case DateReason::kNotADate: return "not_a_date";
  }
  return "unknown";
}

std::string_view reason_message(DateReason reason) {
  switch (reason) {
    case DateReason::kOk: return "valid date";
    case DateReason::kEmpty: return "no date given";
    case DateReason::kFormat:
      return "not a date of the form 2020-01-02, 2020/1/2, 2020.1.2, 20200102 or 2020年1月2日";
    case DateReason::kNotADate: return "no such day in the calendar";
  }
  return "unknown reason";
}

}  // namespace jiaohe::rules::normalize
