#include "api/query_reader.hpp"

#include <algorithm>
#include <charconv>

#include "api/pagination.hpp"
#include "engine/calendar/local_time.hpp"

namespace jiaohe::api {

const std::string* QueryReader::raw(const std::string& name) const {
  const auto it = request_.query.find(name);
  return it == request_.query.end() ? nullptr : &it->second;
}

void QueryReader::refuse(const std::string& name, const std::string& detail) {
  if (!refusal_) refusal_ = bad_parameter(name, detail);
}

std::optional<std::string> QueryReader::text(const std::string& name) {
  const auto* value = raw(name);
  if (!value) return std::nullopt;
  if (value->empty()) {
    refuse(name, "must not be empty");
    return std::nullopt;
  }
  return *value;
}

std::optional<std::string> QueryReader::choice(const std::string& name, const std::vector<std::string>& names) {
  const auto value = text(name);
  if (!value || std::find(names.begin(), names.end(), *value) != names.end()) return value;
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  refuse(name, "must be one of " + list);
  return std::nullopt;
}

std::optional<bool> QueryReader::boolean(const std::string& name) {
  const auto value = choice(name, {"true", "false"});
  if (!value) return std::nullopt;
  return *value == "true";
}

std::optional<engine::Instant> QueryReader::local_instant(const std::string& name) {
  auto value = text(name);
  if (!value) return std::nullopt;
  std::replace(value->begin(), value->end(), ' ', '+');
  if (auto t = engine::calendar::parse_instant(*value, nullptr, engine::calendar::InstantForm::kTyped)) return t;
  refuse(name, "must be a date (2026-12-05) or a date-time (2026-12-05T09:30:00, read in Asia/Shanghai, or with an offset)");
  return std::nullopt;
}

std::optional<engine::calendar::LocalDay> QueryReader::local_date(const std::string& name) {
  const auto value = text(name);
  if (!value) return std::nullopt;
  if (auto day = engine::calendar::parse_date(*value)) return day;
  refuse(name, "must be a date (2026-12-05)");
  return std::nullopt;
}

std::optional<std::int64_t> QueryReader::id(const std::string& name) {
  const auto value = text(name);
  if (!value) return std::nullopt;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec == std::errc() && end == value->data() + value->size() && n > 0) return n;
  refuse(name, "must be a positive whole number");
  return std::nullopt;
}

}  // namespace jiaohe::api
