#pragma once
// One State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知) as loaded from
// data/calendars/<id>.json: the rest days it declares and the weekend days it makes working
// days (调休上班). A notice is keyed by its file, not by a year, because a notice titled for one
// year can reach into the previous December and a later notice can amend an earlier one.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/calendar/local_time.hpp"

namespace jiaohe::engine::calendar {

enum class DayKind {
  kRest,         // a rest day of a holiday block
  kMakeUpWork,   // a weekend day made a working day
};

struct NoticeDay {
  LocalDay day;
  DayKind kind;
  std::string holiday;  // the block it belongs to, for messages
};

struct Notice {
  std::string id;         // the file name without ".json"; what "amends" refers to
  std::string file;       // path, for messages
  std::string title;
  std::string number;     // e.g. 国办发明电〔2024〕12号
  LocalDay published;
  std::vector<int> years; // the years whose working days it settles
  std::string amends;     // id of the notice it amends (its dates win), or empty
  std::vector<NoticeDay> days;
};

// Validates and converts one notice document; errors name `file` and the date or field.
Notice parse_notice(const nlohmann::json& doc, const std::string& id, const std::string& file);

}  // namespace jiaohe::engine::calendar
