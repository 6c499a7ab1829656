#include "engine/calendar/local_time.hpp"

#include <cstdio>
#include <string_view>

namespace jiaohe::engine::calendar {

using namespace std::chrono;

LocalDay local_day_of(Instant t) { return floor<days>(t + kShanghaiOffset); }

year_month_day local_date_of(Instant t) {
  return year_month_day{local_day_of(t)};
}

Instant start_of_local_day(LocalDay day) { return Instant(day) - kShanghaiOffset; }

namespace {

// Reads exactly `width` digits at `pos`.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<LocalDay> parse_date_prefix(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !read_digits(text, 0, 4, y) ||
      !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d))
    return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::optional<Instant> fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<LocalDay> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return parse_date_prefix(text);
}

namespace {

// `width` decimal digits of `value` (which has no more) at `out`. Dates and times are written
// this way rather than by snprintf, whose format parsing was the largest part of writing a
// queue page's fifty tasks.
char* put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

}  // namespace

std::string format_date(LocalDay day) {
  year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // outside what four digits hold: as printf writes it
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
  }
  char buf[10];
  char* p = put_digits(buf, static_cast<unsigned>(year), 4);
  *p++ = '-';
  p = put_digits(p, static_cast<unsigned>(ymd.month()), 2);
  *p++ = '-';
  put_digits(p, static_cast<unsigned>(ymd.day()), 2);
  return std::string(buf, sizeof buf);
}

int year_of(LocalDay day) { return static_cast<int>(year_month_day{day}.year()); }

namespace {

// The short forms completed to the full one: a missing time is midnight, missing seconds are
// :00, a missing offset is Asia/Shanghai's. Text that is none of them is returned as it is (the
// full reading then says what is wrong).
std::string completed(std::string_view text) {
  std::string full(text);
  if (full.size() == 10) {
    full += "T00:00:00";
  } else if (full.size() >= 16 && (full[10] == 'T' || full[10] == ' ')) {
    full[10] = 'T';
    if (full.size() == 16 || full[16] != ':') full.insert(16, ":00");
  } else {
    return full;
  }
  std::size_t end = 19;
  if (end < full.size() && full[end] == '.')
    for (++end; end < full.size() && full[end] >= '0' && full[end] <= '9'; ++end) {
    }
  if (end == full.size()) full += "+08:00";
  return full;
}

}  // namespace

std::optional<Instant> parse_instant(std::string_view typed, std::string* error, InstantForm form) {
  const std::string full = form == InstantForm::kTyped ? completed(typed) : std::string();
  const std::string_view text = form == InstantForm::kTyped ? std::string_view(full) : typed;
  const std::string shown = "'" + std::string(typed) + "'";
  auto date = parse_date_prefix(text);
  if (!date) return fail(error, shown + " does not start with a valid date YYYY-MM-DD");
  int hh = 0, mi = 0, ss = 0;
  if (text.size() < 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || !read_digits(text, 11, 2, hh) ||
      !read_digits(text, 14, 2, mi) || !read_digits(text, 17, 2, ss))
    return fail(error, shown + " needs a time THH:MM:SS after the date");
  if (hh > 23 || mi > 59 || ss > 59) return fail(error, shown + " has an out-of-range time of day");
  std::size_t pos = 19;
  long long micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    std::size_t digits = 0;
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits) {
      if (digits >= 6) return fail(error, shown + " has more than 6 fractional digits");
      micros = micros * 10 + (text[pos] - '0');
    }
    if (digits == 0) return fail(error, shown + " has a '.' without fractional digits");
    for (; digits < 6; ++digits) micros *= 10;
  }
  if (pos >= text.size()) return fail(error, shown + " has no UTC offset (add Z or +08:00)");
  minutes offset{0};
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    offset = minutes{0};
  } else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (!read_digits(text, pos + 1, 2, oh) || !read_digits(text, pos + 4, 2, om) || oh > 23 || om > 59)
      return fail(error, shown + " has a malformed UTC offset (expected +HH:MM)");
    offset = minutes{oh * 60 + om} * (text[pos] == '-' ? -1 : 1);
  } else {
    return fail(error, shown + " has a malformed UTC offset (expected Z or +HH:MM)");
  }
  // Local wall time minus its offset gives UTC.
  return Instant(*date) + hours{hh} + minutes{mi} + seconds{ss} + microseconds{micros} - offset;
}

std::string format_instant(Instant t) {
  const auto local = t + kShanghaiOffset;
  const auto day = floor<days>(local);
  const auto since_midnight = local - day;
  const auto h = duration_cast<hours>(since_midnight);
  const auto m = duration_cast<minutes>(since_midnight - h);
  const auto s = duration_cast<seconds>(since_midnight - h - m);
  const auto us = (since_midnight - h - m - s).count();
  std::string out = format_date(day);
  char buf[24];
  char* p = buf;
  *p++ = 'T';
  p = put_digits(p, static_cast<unsigned>(h.count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<unsigned>(m.count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<unsigned>(s.count()), 2);
  if (us != 0) {
    *p++ = '.';
    p = put_digits(p, static_cast<unsigned>(us), 6);
  }
  for (const char c : std::string_view("+08:00")) *p++ = c;
  out.append(buf, p);
  return out;
}

}  // namespace jiaohe::engine::calendar
