#pragma once
// Dates as agencies write them, to ISO 8601 (YYYY-MM-DD) so that they compare equal:
// 2020-01-02, 2020/1/2, 2020.1.2, 20200102, 2020年1月2日 (日 optional), with stray spaces and
// full-width digits.
#include <chrono>
#include <cstdint>
#include <string_view>

#include "rules/verdict.hpp"

namespace jiaohe::rules::normalize {

enum class DateReason : std::uint8_t {
  kOk,
  kEmpty,     // nothing but white space
  kFormat,    // not one of the accepted shapes
  kNotADate,  // the right shape, but no such day (2023-02-29, 2020-13-01)
};

using DateVerdict = Verdict<DateReason, 10>;

// The ISO form of `text`, or the reason it is not a date.
DateVerdict normalize_date(std::string_view text);

// The calendar date of an ok() verdict (its ISO value parsed back).
std::chrono::year_month_day date_of(const DateVerdict& verdict);

std::string_view reason_code(DateReason reason);
std::string_view reason_message(DateReason reason);

}  // namespace jiaohe::rules::normalize
