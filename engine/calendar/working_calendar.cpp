#include "engine/calendar/working_calendar.hpp"

#include <algorithm>

#include "engine/error.hpp"

namespace jiaohe::engine::calendar {

using namespace std::chrono;

namespace {

LocalDay first_of_year(int y) { return sys_days{year{y} / January / 1}; }

bool is_weekday(LocalDay day) {
  const weekday wd{day};
  return wd != Saturday && wd != Sunday;
}

}  // namespace

WorkingCalendar::WorkingCalendar(const std::map<LocalDay, DayKind>& listed, const std::vector<int>& covered_years,
                                 const FixedHolidays& fixed, std::string version)
    : first_day_(first_of_year(kFirstYear)), covered_(kLastYear - kFirstYear + 1, false), version_(std::move(version)) {
  for (int y : covered_years)
    if (y >= kFirstYear && y <= kLastYear) covered_[static_cast<std::size_t>(y - kFirstYear)] = true;
  const LocalDay end = first_of_year(kLastYear + 1);
  prefix_.reserve(static_cast<std::size_t>((end - first_day_).count()) + 1);
  prefix_.push_back(0);
  for (LocalDay d = first_day_; d < end; d += days{1}) {
    bool working;
    if (auto it = listed.find(d); it != listed.end()) {
      working = it->second == DayKind::kMakeUpWork;
    } else {
      // Without a notice only the regulation's fixed dates are known to be holidays.
      working = is_weekday(d) && (is_covered(year_of(d)) || !fixed.is_fixed_holiday(d));
    }
    prefix_.push_back(prefix_.back() + (working ? 1 : 0));
  }
}

bool WorkingCalendar::is_covered(int y) const {
  return y >= kFirstYear && y <= kLastYear && covered_[static_cast<std::size_t>(y - kFirstYear)];
}

bool WorkingCalendar::covers(LocalDay first, LocalDay last) const {
  for (int y = year_of(first); y <= year_of(last); ++y)
    if (!is_covered(y)) return false;
  return true;
}

std::vector<int> WorkingCalendar::covered_years() const {
  std::vector<int> out;
  for (int y = kFirstYear; y <= kLastYear; ++y)
    if (is_covered(y)) out.push_back(y);
  return out;
}

std::size_t WorkingCalendar::index_of(LocalDay day) const {
  const auto i = (day - first_day_).count();
  if (i < 0 || static_cast<std::size_t>(i) + 1 >= prefix_.size())
    throw Error(ErrorCode::kInvalidInput, "date " + format_date(day) + " is outside the supported calendar range " +
                                              std::to_string(kFirstYear) + "-" + std::to_string(kLastYear));
  return static_cast<std::size_t>(i);
}

bool WorkingCalendar::is_working_day(LocalDay day) const {
  const auto i = index_of(day);
  return prefix_[i + 1] != prefix_[i];
}

LocalDay WorkingCalendar::day_with_rank(std::int64_t rank) const {
  // The first i with prefix_[i] == rank closes the rank-th working day, which is day i - 1.
  auto it = std::lower_bound(prefix_.begin(), prefix_.end(), rank);
  if (rank < 1 || it == prefix_.end())
    throw Error(ErrorCode::kInvalidInput, "the period reaches beyond the supported calendar range " +
                                              std::to_string(kFirstYear) + "-" + std::to_string(kLastYear));
  return first_day_ + days{(it - prefix_.begin()) - 1};
}

LocalDay WorkingCalendar::nth_working_day_after(LocalDay day, std::int64_t n) const {
  return day_with_rank(prefix_[index_of(day) + 1] + n);
}

LocalDay WorkingCalendar::nth_working_day_before(LocalDay day, std::int64_t n) const {
  return day_with_rank(prefix_[index_of(day)] - n + 1);
}

std::int64_t WorkingCalendar::working_days_in(LocalDay first, LocalDay last) const {
  if (last < first) return 0;
  return prefix_[index_of(last) + 1] - prefix_[index_of(first)];
}

}  // namespace jiaohe::engine::calendar
