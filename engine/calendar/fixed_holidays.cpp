#include "engine/calendar/fixed_holidays.hpp"

#include <algorithm>

#include "engine/error.hpp"
#include "engine/util/json_file.hpp"

namespace jiaohe::engine::calendar {

using namespace std::chrono;

FixedHolidays::FixedHolidays(std::vector<Version> versions) : versions_(std::move(versions)) {
  std::sort(versions_.begin(), versions_.end(),
            [](const Version& a, const Version& b) { return a.in_force_from > b.in_force_from; });
}

bool FixedHolidays::is_fixed_holiday(LocalDay day) const {
  for (const auto& v : versions_) {
    if (day < v.in_force_from) continue;
    const year_month_day ymd{day};
    const std::pair<unsigned, unsigned> md{static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
    return std::find(v.month_days.begin(), v.month_days.end(), md) != v.month_days.end();
  }
  return false;
}

FixedHolidays parse_fixed_holidays(const nlohmann::json& doc, const std::string& file) {
  util::check_keys(doc, {"title", "versions"}, file);
  const auto& versions = util::require_key(doc, "versions", file);
  if (!versions.is_array() || versions.empty())
    throw Error(ErrorCode::kInvalidInput, file + ": \"versions\" must be a non-empty array");
  std::vector<FixedHolidays::Version> out;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const std::string where = file + ": versions[" + std::to_string(i) + "]";
    const auto& v = versions[i];
    util::check_keys(v, {"in_force_from", "source", "days"}, where);
    FixedHolidays::Version version;
    const auto& from = util::require_key(v, "in_force_from", where);
    auto day = from.is_string() ? parse_date(from.get<std::string>()) : std::nullopt;
    if (!day) throw Error(ErrorCode::kInvalidInput, where + ": \"in_force_from\" must be a date YYYY-MM-DD");
    version.in_force_from = *day;
    const auto& source = util::require_key(v, "source", where);
    if (!source.is_string()) throw Error(ErrorCode::kInvalidInput, where + ": \"source\" must be a string");
    version.source = source.get<std::string>();
    for (const auto& md : util::require_key(v, "days", where)) {
      // Validated against a leap year so that 02-29 would be accepted as a month-day.
      auto parsed = md.is_string() ? parse_date("2000-" + md.get<std::string>()) : std::nullopt;
      if (!parsed || md.get<std::string>().size() != 5)
        throw Error(ErrorCode::kInvalidInput, where + ": malformed day " + md.dump() + " (expected MM-DD)");
      const year_month_day ymd{*parsed};
      version.month_days.emplace_back(static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    }
    out.push_back(std::move(version));
  }
  return FixedHolidays(std::move(out));
}

}  // namespace jiaohe::engine::calendar
