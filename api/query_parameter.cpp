#include "api/query_parameter.hpp"

#include <algorithm>
#include <utility>

#include "api/pagination.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::api {

using nlohmann::json;

namespace query {

QueryParameter text(std::string name, std::string description) {
  return {std::move(name), {{"type", "string"}, {"minLength", 1}}, std::move(description)};
}

QueryParameter choice(std::string name, const std::vector<std::string>& names, std::string description) {
  return {std::move(name), {{"type", "string"}, {"enum", names}}, std::move(description)};
}

QueryParameter boolean(std::string name, std::string description) {
  return {std::move(name), {{"type", "boolean"}}, std::move(description)};
}

QueryParameter instant(std::string name, std::string description) {
  // Not "format": "date-time": a bare date and a date-time without an offset are accepted too.
  return {std::move(name),
          {{"type", "string"}, {"minLength", 1}, {"examples", {"2026-12-05", "2026-12-05T09:30:00", "2026-12-05T09:30:00+08:00"}}},
          std::move(description) + " (a date, or a date-time read in Asia/Shanghai unless it carries Z or an offset)"};
}

QueryParameter date(std::string name, std::string description) {
  return {std::move(name), {{"type", "string"}, {"format", "date"}}, std::move(description)};
}

QueryParameter id(std::string name, std::string description, std::optional<long long> maximum) {
  json schema = {{"type", "integer"}, {"minimum", 1}};
  if (maximum) schema["maximum"] = *maximum;
  return {std::move(name), std::move(schema), std::move(description)};
}

std::vector<QueryParameter> page() {
  return {{"limit",
           {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPageLimit}, {"default", kDefaultPageLimit}},
           "Items per page"},
          {"cursor", {{"type", "string"}}, "The previous page's next_cursor"}};
}

}  // namespace query

std::vector<QueryParameter> operator+(std::vector<QueryParameter> declared, const std::vector<QueryParameter>& more) {
  declared.insert(declared.end(), more.begin(), more.end());
  return declared;
}

std::optional<Response> refuse_undeclared_query(const Request& request, const std::vector<QueryParameter>& declared) {
  std::vector<std::string> names;
  for (const auto& p : declared) names.push_back(p.name);
  for (const auto& [key, value] : request.query) {
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    std::string detail = "unknown query parameter";
    if (auto near = rules::text::nearest_name(key, names)) detail += " (did you mean '" + *near + "'?)";
    return bad_parameter(key, detail);
  }
  return std::nullopt;
}

}  // namespace jiaohe::api
