#include "rules/normalize/update_instant.hpp"

#include "rules/decimal_fields.hpp"
#include "rules/normalize/unicode_text.hpp"

namespace jiaohe::rules::normalize {
namespace {

using namespace std::chrono;

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

struct Fields {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
};

std::optional<UpdateInstant> instant_of(const Fields& f, int offset_minutes) {
  const year_month_day date = date_of_fields(f.y, f.m, f.d);
  if (!date.ok() || f.hh > 23 || f.mm > 59 || f.ss > 60) return std::nullopt;
  return sys_days{date} + hours{f.hh} + minutes{f.mm} + seconds{f.ss} - minutes{offset_minutes};
}

// "YYYY-MM-DD", then optionally " HH:MM:SS", fraction, and "+00" (PostgreSQL's ISO output).
std::optional<UpdateInstant> parse_iso(std::string_view s, bool with_time, int offset_minutes) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  Fields f;
  if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return std::nullopt;
  f.y = parse_digits(s.substr(0, 4));
  f.m = parse_digits(s.substr(5, 2));
  f.d = parse_digits(s.substr(8, 2));
  s.remove_prefix(10);
  if (!with_time) {
    if (!s.empty()) return std::nullopt;
    // A date stands for the end of that day: the start of the next one.
    auto start = instant_of(f, offset_minutes);
    if (start) *start += days{1};
    return start;
  }
  if (s.size() < 9 || s[0] != ' ' || s[3] != ':' || s[6] != ':') return std::nullopt;
  if (!digits(s.substr(1, 2)) || !digits(s.substr(4, 2)) || !digits(s.substr(7, 2))) return std::nullopt;
  f.hh = parse_digits(s.substr(1, 2));
  f.mm = parse_digits(s.substr(4, 2));
  f.ss = parse_digits(s.substr(7, 2));
  s.remove_prefix(9);
  if (!s.empty() && s[0] == '.') {
    std::size_t n = 1;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    s.remove_prefix(n);  // the scan works in whole seconds
  }
  if (offset_minutes == 0 && !s.empty()) {
    // timestamptz in a session whose TimeZone is UTC: "+00"; any other offset is honoured.
    if (s.size() < 3 || (s[0] != '+' && s[0] != '-') || !digits(s.substr(1, 2))) return std::nullopt;
    int offset = parse_digits(s.substr(1, 2)) * 60;
    if (s.size() >= 6 && s[3] == ':' && digits(s.substr(4, 2))) offset += parse_digits(s.substr(4, 2));
    else if (s.size() != 3) return std::nullopt;
    return instant_of(f, s[0] == '-' ? -offset : offset);
  }
  if (!s.empty()) return std::nullopt;
  return instant_of(f, offset_minutes);
}

std::optional<UpdateInstant> parse_format(std::string_view text, std::string_view format, int offset_minutes) {
  thread_local std::string folded;
  fold_text(text, {}, folded);
  std::string_view s = folded;
  Fields f;
  bool day_seen = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      if (s.empty() || s[0] != format[i]) return std::nullopt;
      s.remove_prefix(1);
      continue;
    }
    const char directive = format[++i];
    if (directive == '%') {
      if (s.empty() || s[0] != '%') return std::nullopt;
      s.remove_prefix(1);
      continue;
    }
    const std::size_t width = directive == 'Y' ? 4 : 2;
    if (s.size() < width || !digits(s.substr(0, width))) return std::nullopt;
    const int v = parse_digits(s.substr(0, width));
    s.remove_prefix(width);
    switch (directive) {
      case 'Y': f.y = v; break;
      case 'm': f.m = v; break;
      case 'd': f.d = v; day_seen = true; break;
      case 'H': f.hh = v; break;
      case 'M': f.mm = v; break;
      case 'S': f.ss = v; break;
      default: return std::nullopt;
    }
  }
  if (!s.empty() || !day_seen) return std::nullopt;
  return instant_of(f, offset_minutes);
}

}  // namespace

std::optional<UpdateInstant> parse_update_instant(std::string_view text, const UpdateColumnForm& form) {
  if (text == "infinity") return UpdateInstant::max();
  if (text == "-infinity") return UpdateInstant::min();
  switch (form.form) {
    case UpdateForm::kTimestampTz: return parse_iso(text, true, 0);
    case UpdateForm::kTimestamp: return parse_iso(text, true, form.offset_minutes);
    case UpdateForm::kDate: return parse_iso(text, false, form.offset_minutes);
    case UpdateForm::kText: return parse_format(text, form.format, form.offset_minutes);
  }
  return std::nullopt;
}

bool valid_update_format(std::string_view format, std::string& error) {
  bool y = false, m = false, d = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size()) {
      error = "ends in a lone %";
      return false;
    }
    switch (format[++i]) {
      case 'Y': y = true; break;
      case 'm': m = true; break;
      case 'd': d = true; break;
      case 'H': case 'M': case 'S': case '%': break;
      default:
        error = std::string("has the unknown directive %") + format[i] + " (known: %Y %m %d %H %M %S %%)";
        return false;
    }
  }
  if (!(y && m && d)) {
    error = "must hold %Y, %m and %d (e.g. \"%Y%m%d%H%M%S\" or \"%Y-%m-%d %H:%M:%S\")";
    return false;
  }
  return true;
}

std::optional<int> zone_offset_minutes(std::string_view zone) {
  if (zone == "Asia/Shanghai" || zone == "Asia/Chongqing" || zone == "Asia/Harbin" ||
      zone == "PRC" || zone == "Asia/Hong_Kong" || zone == "Asia/Macau" || zone == "Asia/Taipei")
    return 8 * 60;
  if (zone == "UTC" || zone == "Etc/UTC") return 0;
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' && digits(zone.substr(1, 2)) &&
      digits(zone.substr(4, 2))) {
    const int minutes = parse_digits(zone.substr(1, 2)) * 60 + parse_digits(zone.substr(4, 2));
    if (minutes > 14 * 60) return std::nullopt;
    return zone[0] == '-' ? -minutes : minutes;
  }
  return std::nullopt;
}

}  // namespace jiaohe::rules::normalize
