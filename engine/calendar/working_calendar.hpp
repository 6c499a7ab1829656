#pragma once
// Which local dates are working days, answered in O(1) / O(log n) from a prefix count of working
// days over the whole supported range, so deadline arithmetic never walks day by day.
// Years covered by a State Council notice follow the notice; other years are weekdays minus
// the regulation's fixed holidays, and results touching them are provisional.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/calendar/fixed_holidays.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/calendar/notice.hpp"

namespace jiaohe::engine::calendar {

class WorkingCalendar {
 public:
  // 1991: the first year without daylight saving in China, so the fixed +8h offset is exact.
  static constexpr int kFirstYear = 1991;
  static constexpr int kLastYear = 2199;

  // `listed`: the effective status of every date some notice lists; `covered_years`: years whose
  // notice is loaded; `version`: digest of the files it came from.
  WorkingCalendar(const std::map<LocalDay, DayKind>& listed, const std::vector<int>& covered_years,
                  const FixedHolidays& fixed, std::string version);

  const std::string& version() const { return version_; }
  bool is_covered(int year) const;
  // Whether every year from `first` to `last` (inclusive) is covered by a notice.
  bool covers(LocalDay first, LocalDay last) const;
  std::vector<int> covered_years() const;

  bool is_working_day(LocalDay day) const;
  // The first working day strictly after `day`.
  LocalDay next_working_day(LocalDay day) const { return nth_working_day_after(day, 1); }
  // The n-th (n >= 1) working day strictly after `day`.
  LocalDay nth_working_day_after(LocalDay day, std::int64_t n) const;
  // The n-th (n >= 1) working day strictly before `day`.
  LocalDay nth_working_day_before(LocalDay day, std::int64_t n) const;
  // Working days in [first, last]; 0 when last < first.
  std::int64_t working_days_in(LocalDay first, LocalDay last) const;

 private:
  std::size_t index_of(LocalDay day) const;  // throws outside the supported range
  LocalDay day_with_rank(std::int64_t rank) const;

  LocalDay first_day_;
  // prefix_[i] = working days in [first_day_, first_day_ + i): the per-year day-of-year prefix
  // counts laid end to end, so a jump across years is the same binary search as within one.
  std::vector<std::int32_t> prefix_;
  std::vector<bool> covered_;  // by year - kFirstYear
  std::string version_;
};

}  // namespace jiaohe::engine::calendar
