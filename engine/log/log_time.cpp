#include "engine/log/log_time.hpp"

#include <cstdio>

namespace jiaohe::engine::log {

std::optional<std::chrono::minutes> parse_time_zone(std::string_view zone) {
  using std::chrono::minutes;
  if (zone == "Asia/Shanghai") return minutes(8 * 60);
  if (zone == "UTC" || zone == "Z") return minutes(0);
  // [+-]HH:MM, at most 14 hours either way (the widest offsets in use).
  const auto digit = [&](std::size_t i) { return zone[i] >= '0' && zone[i] <= '9'; };
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || !digit(1) || !digit(2) ||
      !digit(4) || !digit(5))
    return std::nullopt;
  const int hours = (zone[1] - '0') * 10 + (zone[2] - '0');
  const int mins = (zone[4] - '0') * 10 + (zone[5] - '0');
  if (mins >= 60 || hours * 60 + mins > 14 * 60) return std::nullopt;
  const int total = hours * 60 + mins;
  return minutes(zone[0] == '-' ? -total : total);
}

std::string format_log_time(std::chrono::system_clock::time_point t, std::chrono::minutes offset) {
  using namespace std::chrono;
  const auto local = time_point_cast<milliseconds>(t) + offset;
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss<milliseconds> time{local - day};
  const long long off = offset.count() < 0 ? -offset.count() : offset.count();
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lld%c%02lld:%02lld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long long>(time.hours().count()), static_cast<long long>(time.minutes().count()),
                static_cast<long long>(time.seconds().count()), static_cast<long long>(time.subseconds().count()),
                offset.count() < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace jiaohe::engine::log
