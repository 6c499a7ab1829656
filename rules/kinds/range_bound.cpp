#include "rules/kinds/range_bound.hpp"

#include <regex>

#include "rules/normalize/date.hpp"

namespace jiaohe::rules::kinds {

std::chrono::year_month_day RangeBound::date_on(std::chrono::year_month_day today) const {
  using namespace std::chrono;
  if (kind == Kind::kDate) return date;
  if (unit == 'd') return year_month_day{sys_days{today} + days{amount}};
  year_month_day d = unit == 'm' ? today + months{amount} : today + years{amount};
  if (!d.ok()) d = year_month_day_last{d.year(), month_day_last{d.month()}};
  return d;
}

std::optional<RangeBound> parse_range_bound(const nlohmann::json& value, std::string& error) {
  RangeBound b;
  if (value.is_number()) {
    b.number = value.get<double>();
    return b;
  }
  error = "must be a number, a date like 1949-10-01, \"today\" or a date relative to the scan day like "
          "\"-150 years\", \"+0 days\" or \"-6 months\", got " + value.dump();
  if (!value.is_string()) return std::nullopt;
  const std::string text = value.get<std::string>();
  if (text == "today") {
    b.kind = RangeBound::Kind::kRelativeDate;
    return b;
  }
  static const std::regex relative(R"(([+-])([0-9]{1,5}) (day|days|month|months|year|years))");
  std::smatch m;
  if (std::regex_match(text, m, relative)) {
    b.kind = RangeBound::Kind::kRelativeDate;
    b.amount = std::stoi(m[2]) * (m[1] == "-" ? -1 : 1);
    b.unit = m[3].str()[0];
    return b;
  }
  const auto date = normalize::normalize_date(text);
  if (!date.ok()) return std::nullopt;
  b.kind = RangeBound::Kind::kDate;
  b.date = normalize::date_of(date);
  return b;
}

}  // namespace jiaohe::rules::kinds
