#include "engine/calendar/cron_expression.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <sstream>
#include <vector>

#include "engine/calendar/local_time.hpp"

namespace jiaohe::engine::calendar {
namespace {

using namespace std::chrono;

struct FieldSpec {
  const char* name;
  int lo, hi;
  std::vector<std::string> names;  // names[i] stands for lo + i
};

const std::array<FieldSpec, 5>& field_specs() {
  static const std::array<FieldSpec, 5> specs = {{
      {"minute", 0, 59, {}},
      {"hour", 0, 23, {}},
      {"day-of-month", 1, 31, {}},
      {"month", 1, 12, {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
      // 7 is Sunday too; it is folded onto 0 after parsing.
      {"day-of-week", 0, 7, {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}},
  }};
  return specs;
}

// Parses one field into a bit mask of the values it selects (bit v = value v).
class FieldParser {
 public:
  FieldParser(const FieldSpec& spec, std::string prefix) : spec_(spec), prefix_(std::move(prefix)) {}

  std::uint64_t parse(std::string_view field) const {
    std::uint64_t mask = 0;
    std::size_t start = 0;
    while (true) {
      const auto comma = field.find(',', start);
      const auto item = field.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      mask |= parse_item(item);
      if (comma == std::string_view::npos) return mask;
      start = comma + 1;
    }
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw CronError(prefix_ + std::string(spec_.name) + ": " + what);
  }

  std::uint64_t parse_item(std::string_view item) const {
    if (item.empty()) fail("empty item in the list");
    int step = 1;
    const auto slash = item.find('/');
    if (slash != std::string_view::npos) {
      const auto step_text = item.substr(slash + 1);
      if (step_text.empty() || !all_digits(step_text)) fail("step \"" + std::string(step_text) + "\" is not a number");
      step = to_int(step_text);
      if (step < 1) fail("step must be at least 1, got " + std::string(step_text));
      item = item.substr(0, slash);
    }
    int first = spec_.lo, last = spec_.hi;
    if (item == "*") {
      // the whole field
    } else if (const auto dash = item.find('-'); dash != std::string_view::npos) {
      first = value(item.substr(0, dash));
      last = value(item.substr(dash + 1));
      if (first > last)
        fail("range " + std::string(item) + " runs backwards (write the smaller value first)");
    } else {
      first = value(item);
      // "a/n" means from a to the end of the field; a plain "a" is that value alone.
      if (slash == std::string_view::npos) last = first;
    }
    std::uint64_t mask = 0;
    for (int v = first; v <= last; v += step) mask |= std::uint64_t{1} << v;
    return mask;
  }

  int value(std::string_view text) const {
    if (text.empty()) fail("a range needs a value on both sides of '-'");
    if (all_digits(text)) {
      if (text.size() > 4) fail(std::string(text) + " is outside " + range());
      const int v = to_int(text);
      if (v < spec_.lo || v > spec_.hi) fail(std::string(text) + " is outside " + range());
      return v;
    }
    std::string upper;
    for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i < spec_.names.size(); ++i)
      if (spec_.names[i] == upper) return spec_.lo + static_cast<int>(i);
    std::string msg = "\"" + std::string(text) + "\" is not a number";
    if (!spec_.names.empty()) msg += " or a name like " + spec_.names[1];
    fail(msg);
  }

  std::string range() const { return std::to_string(spec_.lo) + "-" + std::to_string(spec_.hi); }
  static bool all_digits(std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return !s.empty();
  }
  static int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }

  const FieldSpec& spec_;
  std::string prefix_;
};

// The longest run of days without a fire time of any valid expression: a 29 February in a
// day-of-month-only expression can be eight years away (2096 to 2104).
constexpr int kSearchDays = 8 * 366 + 1;
constexpr int kMinutesPerDay = 24 * 60;

bool day_can_occur(int month, int day) {
  static constexpr std::array<int, 13> longest = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= longest[static_cast<std::size_t>(month)];
}

}  // namespace

CronExpression CronExpression::parse(std::string_view text) {
  const std::string prefix = "cron \"" + std::string(text) + "\": ";
  std::istringstream in{std::string(text)};
  std::vector<std::string> fields;
  for (std::string f; in >> f;) fields.push_back(f);
  if (fields.size() != 5)
    throw CronError(prefix + "expected 5 fields (minute hour day-of-month month day-of-week), got " +
                    std::to_string(fields.size()));
  std::array<std::uint64_t, 5> masks{};
  for (std::size_t i = 0; i < 5; ++i) masks[i] = FieldParser(field_specs()[i], prefix).parse(fields[i]);

  CronExpression e;
  e.text_ = std::string(text);
  e.minutes_ = std::bitset<60>(masks[0]);
  e.hours_ = std::bitset<24>(masks[1]);
  e.days_of_month_ = std::bitset<32>(masks[2]);
  e.months_ = std::bitset<13>(masks[3]);
  e.days_of_week_ = std::bitset<7>(masks[4] & 0x7F);
  if (masks[4] & (1u << 7)) e.days_of_week_.set(0);
  e.any_day_of_month_ = fields[2][0] == '*';
  e.any_day_of_week_ = fields[4][0] == '*';

  // With the weekday unrestricted, the chosen days must exist in one of the chosen months.
  if (e.any_day_of_week_) {
    bool possible = false;
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= 31; ++d) possible = possible || (e.months_[m] && e.days_of_month_[d] && day_can_occur(m, d));
    if (!possible) throw CronError(prefix + "day-of-month: none of the chosen days occurs in the chosen months");
  }
  return e;
}

bool CronExpression::matches_day(sys_days local_day) const {
  const year_month_day ymd(local_day);
  if (!months_[static_cast<unsigned>(ymd.month())]) return false;
  const bool dom = days_of_month_[static_cast<unsigned>(ymd.day())];
  const bool dow = days_of_week_[weekday(local_day).c_encoding()];
  return (any_day_of_month_ || any_day_of_week_) ? (dom && dow) : (dom || dow);
}

std::optional<int> CronExpression::first_minute_from(int minute_of_day) const {
  for (int m = minute_of_day; m < kMinutesPerDay; ++m)
    if (hours_[static_cast<std::size_t>(m / 60)] && minutes_[static_cast<std::size_t>(m % 60)]) return m;
  return std::nullopt;
}

std::optional<int> CronExpression::last_minute_until(int minute_of_day) const {
  for (int m = minute_of_day; m >= 0; --m)
    if (hours_[static_cast<std::size_t>(m / 60)] && minutes_[static_cast<std::size_t>(m % 60)]) return m;
  return std::nullopt;
}

Instant CronExpression::next_after(Instant t) const {
  const auto start = floor<minutes>(t + kShanghaiOffset) + minutes(1);
  auto day = floor<days>(start);
  int from = static_cast<int>((start - day).count());
  for (int i = 0; i < kSearchDays; ++i, day += days(1), from = 0) {
    if (!matches_day(day)) continue;
    if (auto m = first_minute_from(from)) return Instant(day + minutes(*m)) - kShanghaiOffset;
  }
  throw std::logic_error("cron \"" + text_ + "\" has no fire time after the given instant");
}

Instant CronExpression::latest_at_or_before(Instant t) const {
  const auto end = floor<minutes>(t + kShanghaiOffset);
  auto day = floor<days>(end);
  int until = static_cast<int>((end - day).count());
  for (int i = 0; i < kSearchDays; ++i, day -= days(1), until = kMinutesPerDay - 1) {
    if (!matches_day(day)) continue;
    if (auto m = last_minute_until(until)) return Instant(day + minutes(*m)) - kShanghaiOffset;
  }
  throw std::logic_error("cron \"" + text_ + "\" has no fire time before the given instant");
}

}  // namespace jiaohe::engine::calendar
