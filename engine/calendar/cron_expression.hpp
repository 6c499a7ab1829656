#pragma once
// A five-field cron expression (minute hour day-of-month month day-of-week), evaluated in
// Asia/Shanghai: "0 2 * * *" fires at 02:00 China Standard Time every day.
//
// Each field is `*`, a number, a range `a-b`, a step `*/n`, `a-b/n` or `a/n` (from a to the
// field's end), or a comma-separated list of those. Months may be named JAN..DEC and weekdays
// SUN..SAT (any case); day-of-week 0 and 7 are both Sunday. As in Vixie cron, when both
// day-of-month and day-of-week are restricted (neither starts with `*`), a day matches when
// either matches.
#include <bitset>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/clock.hpp"

namespace jiaohe::engine::calendar {

// The message names the field and what is wrong, e.g.
// `cron "0 25 * * *": hour: 25 is outside 0-23`.
struct CronError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

class CronExpression {
 public:
  // Throws CronError; also refuses expressions that can never fire ("0 0 30 2 *").
  static CronExpression parse(std::string_view text);

  const std::string& text() const { return text_; }

  // The first fire time strictly after `t`.
  Instant next_after(Instant t) const;
  // The last fire time at or before `t`.
  Instant latest_at_or_before(Instant t) const;

 private:
  CronExpression() = default;
  bool matches_day(std::chrono::sys_days local_day) const;
  // The first (last) matching minute of the local day at or after (at or before) `minute_of_day`.
  std::optional<int> first_minute_from(int minute_of_day) const;
  std::optional<int> last_minute_until(int minute_of_day) const;

  std::string text_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;  // 1..31
  std::bitset<13> months_;         // 1..12
  std::bitset<7> days_of_week_;    // 0 = Sunday
  bool any_day_of_month_ = true;   // the field starts with `*`
  bool any_day_of_week_ = true;
};

}  // namespace jiaohe::engine::calendar
