#include "engine/calendar/notice.hpp"

#include <map>

#include "engine/error.hpp"
#include "engine/util/json_file.hpp"

namespace jiaohe::engine::calendar {

using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw Error(ErrorCode::kInvalidInput, where + ": " + what);
}

std::string string_field(const json& obj, const std::string& key, const std::string& where) {
  const auto& v = util::require_key(obj, key, where);
  if (!v.is_string() || v.get<std::string>().empty()) fail(where, "\"" + key + "\" must be a non-empty string");
  return v.get<std::string>();
}

LocalDay date_field(const json& v, const std::string& where) {
  if (!v.is_string()) fail(where, "a date must be a string YYYY-MM-DD");
  auto day = parse_date(v.get<std::string>());
  if (!day) fail(where, "malformed date \"" + v.get<std::string>() + "\" (expected YYYY-MM-DD)");
  return *day;
}

bool is_weekend(LocalDay day) {
  const std::chrono::weekday wd{day};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

// "YYYY-MM-DD" or an ISO-8601 interval "YYYY-MM-DD/YYYY-MM-DD" (inclusive) to its dates.
std::vector<LocalDay> expand(const json& v, const std::string& where) {
  if (!v.is_string()) fail(where, "a date must be a string YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD");
  const std::string text = v.get<std::string>();
  const auto slash = text.find('/');
  if (slash == std::string::npos) return {date_field(v, where)};
  const LocalDay first = date_field(text.substr(0, slash), where);
  const LocalDay last = date_field(text.substr(slash + 1), where);
  if (last < first) fail(where, "interval \"" + text + "\" ends before it starts");
  std::vector<LocalDay> out;
  for (LocalDay d = first; d <= last; d += std::chrono::days{1}) out.push_back(d);
  return out;
}

}  // namespace

Notice parse_notice(const json& doc, const std::string& id, const std::string& file) {
  util::check_keys(doc, {"title", "number", "published", "years", "amends", "holidays"}, file);
  Notice n;
  n.id = id;
  n.file = file;
  n.title = string_field(doc, "title", file);
  n.number = string_field(doc, "number", file);
  n.published = date_field(util::require_key(doc, "published", file), file + ": published");
  if (doc.contains("amends")) n.amends = string_field(doc, "amends", file);
  const auto& years = util::require_key(doc, "years", file);
  if (!years.is_array() || years.empty()) fail(file, "\"years\" must be a non-empty array of years");
  for (const auto& y : years) {
    if (!y.is_number_integer()) fail(file, "\"years\" must hold integers");
    n.years.push_back(y.get<int>());
  }
  const auto& holidays = util::require_key(doc, "holidays", file);
  if (!holidays.is_array()) fail(file, "\"holidays\" must be an array");
  std::map<LocalDay, DayKind> seen;
  for (std::size_t i = 0; i < holidays.size(); ++i) {
    const std::string where = file + ": holidays[" + std::to_string(i) + "]";
    const auto& h = holidays[i];
    util::check_keys(h, {"name", "rest_days", "working_days"}, where);
    const std::string name = string_field(h, "name", where);
    auto add = [&](const char* key, DayKind kind) {
      if (!h.contains(key)) return;
      if (!h[key].is_array()) fail(where, std::string("\"") + key + "\" must be an array");
      for (const auto& entry : h[key]) {
        for (LocalDay d : expand(entry, where + "." + key)) {
          const std::string date = format_date(d);
          if (auto it = seen.find(d); it != seen.end()) {
            if (it->second != kind) fail(file, date + " is both a rest day and a make-up working day");
            fail(file, date + " is listed twice");
          }
          const int y = year_of(d);
          const bool in_scope = std::any_of(n.years.begin(), n.years.end(),
                                            [&](int covered) { return y == covered || y + 1 == covered; });
          if (!in_scope) fail(file, date + " lies outside the years the notice covers (or the December before)");
          if (kind == DayKind::kMakeUpWork && !is_weekend(d))
            fail(file, date + " is a make-up working day but not a Saturday or Sunday");
          seen.emplace(d, kind);
          n.days.push_back({d, kind, name});
        }
      }
    };
    add("rest_days", DayKind::kRest);
    add("working_days", DayKind::kMakeUpWork);
  }
  return n;
}

}  // namespace jiaohe::engine::calendar
