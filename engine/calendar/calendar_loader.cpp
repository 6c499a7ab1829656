#include "engine/calendar/calendar_loader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/error.hpp"
#include "engine/util/json_file.hpp"
#include "engine/util/sha256.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::engine::calendar {

namespace {

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorCode::kInvalidInput, message); }

const char* kind_name(DayKind k) { return k == DayKind::kRest ? "rest day" : "make-up working day"; }

// Whether notice `later` amends `earlier`, directly or through a chain of amendments.
bool amends(const std::map<std::string, const Notice*>& by_id, const Notice& later, const Notice& earlier) {
  const Notice* n = &later;
  for (std::size_t steps = 0; steps <= by_id.size() && !n->amends.empty(); ++steps) {
    if (n->amends == earlier.id) return true;
    n = by_id.at(n->amends);
  }
  return false;
}

void check_amendments(const std::map<std::string, const Notice*>& by_id) {
  std::vector<std::string> ids;
  for (const auto& [id, n] : by_id) ids.push_back(id);
  for (const auto& [id, n] : by_id) {
    if (n->amends.empty()) continue;
    if (!by_id.count(n->amends)) {
      std::string msg = n->file + ": \"amends\" names unknown notice \"" + n->amends + "\"";
      if (auto near = rules::text::nearest_name(n->amends, ids)) msg += " (did you mean \"" + *near + "\"?)";
      fail(msg);
    }
    if (amends(by_id, *by_id.at(n->amends), *n)) fail(n->file + ": \"amends\" forms a cycle");
  }
}

// Merges the notices' dates: where notices disagree on a date, one must amend the other and the
// amending (later) one wins; disagreeing notices unrelated by amendment are an error.
std::map<LocalDay, DayKind> merge(const std::vector<Notice>& notices, const std::map<std::string, const Notice*>& by_id) {
  std::map<LocalDay, std::vector<std::pair<const Notice*, DayKind>>> listers;
  for (const auto& n : notices)
    for (const auto& d : n.days) listers[d.day].emplace_back(&n, d.kind);
  std::map<LocalDay, DayKind> out;
  for (const auto& [day, entries] : listers) {
    const std::pair<const Notice*, DayKind>* winner = &entries.front();
    for (const auto& e : entries) {
      if (e.second != winner->second && !amends(by_id, *e.first, *winner->first) &&
          !amends(by_id, *winner->first, *e.first))
        fail(winner->first->file + " and " + e.first->file + " disagree on " + format_date(day) + " (" +
             kind_name(winner->second) + " vs " + kind_name(e.second) + ") and neither amends the other");
      if (amends(by_id, *e.first, *winner->first)) winner = &e;
    }
    out.emplace(day, winner->second);
  }
  return out;
}

// A notice that forgets a date the regulation fixes is almost certainly a typo in the data.
void check_fixed_holidays_present(const std::vector<Notice>& notices, const std::map<LocalDay, DayKind>& listed,
                                  const FixedHolidays& fixed) {
  for (const auto& n : notices) {
    for (int y : n.years) {
      for (LocalDay d = std::chrono::sys_days{std::chrono::year{y} / 1 / 1};
           d < std::chrono::sys_days{std::chrono::year{y + 1} / 1 / 1}; d += std::chrono::days{1}) {
        if (!fixed.is_fixed_holiday(d)) continue;
        auto it = listed.find(d);
        if (it == listed.end() || it->second != DayKind::kRest)
          fail(n.file + ": " + format_date(d) +
               " is fixed as a holiday by the regulation (fixed-holidays.json) but is not a rest day of the "
               "notices for " + std::to_string(y));
      }
    }
  }
}

}  // namespace

WorkingCalendar load_calendar(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) fail(dir.string() + ": calendar folder not found");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  std::string digest_input;
  std::vector<Notice> notices;
  FixedHolidays fixed;
  bool have_fixed = false;
  for (const auto& path : files) {
    std::string raw;
    const auto doc = util::read_json_file(path, &raw);
    digest_input += path.filename().string() + "\n" + util::sha256_hex(raw) + "\n";
    if (path.filename() == kFixedHolidaysFile) {
      fixed = parse_fixed_holidays(doc, path.string());
      have_fixed = true;
    } else {
      notices.push_back(parse_notice(doc, path.stem().string(), path.string()));
    }
  }
  if (!have_fixed) fail((dir / kFixedHolidaysFile).string() + ": missing (the regulation's fixed holidays)");

  std::map<std::string, const Notice*> by_id;
  for (const auto& n : notices) by_id.emplace(n.id, &n);
  check_amendments(by_id);
  const auto listed = merge(notices, by_id);
  check_fixed_holidays_present(notices, listed, fixed);

  std::set<int> years;
  for (const auto& n : notices) years.insert(n.years.begin(), n.years.end());
  return WorkingCalendar(listed, std::vector<int>(years.begin(), years.end()), fixed,
                         util::sha256_hex(digest_input));
}

std::vector<int> missing_years(const WorkingCalendar& calendar, LocalDay today) {
  std::vector<int> out;
  for (int y : {year_of(today), year_of(today) + 1})
    if (!calendar.is_covered(y)) out.push_back(y);
  return out;
}

}  // namespace jiaohe::engine::calendar
