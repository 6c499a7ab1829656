#include "api/pagination.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "engine/util/json_text.hpp"
#include "api/problem.hpp"
#include "api/response_schema.hpp"

namespace jiaohe::api {
namespace {

// Cursors are "c" + the id in hex: opaque to clients, trivially checked here.
constexpr char kCursorPrefix = 'c';

}  // namespace

Response bad_parameter(const std::string& name, const std::string& detail) {
  return problem(400, "Invalid query parameter", name + ": " + detail,
                 nlohmann::json{{"errors", {{{"parameter", name}, {"detail", detail}}}}});
}

std::variant<engine::store::PageQuery, Response> page_query(const Request& request) {
  engine::store::PageQuery q;
  q.limit = kDefaultPageLimit;
  if (auto it = request.query.find("limit"); it != request.query.end()) {
    const auto& s = it->second;
    int n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || n < 1 || n > kMaxPageLimit)
      return bad_parameter("limit", "must be a whole number from 1 to " + std::to_string(kMaxPageLimit));
    q.limit = n;
  }
  if (auto it = request.query.find("cursor"); it != request.query.end()) {
    const auto& s = it->second;
    std::int64_t id = 0;
    bool ok = s.size() > 1 && s.size() <= 17 && s[0] == kCursorPrefix;
    if (ok) {
      auto [end, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), id, 16);
      ok = ec == std::errc() && end == s.data() + s.size() && id > 0;
    }
    if (!ok) return bad_parameter("cursor", "not a cursor this server gave out; use next_cursor of the previous page");
    q.before_id = id;
  }
  return q;
}

std::string encode_cursor(std::int64_t before_id) {
  char buf[20];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, before_id, 16);
  (void)ec;
  return std::string(1, kCursorPrefix) + std::string(buf, end);
}

nlohmann::json page_schema(nlohmann::json item) {
  return schema::record({{"items", {{"type", "array"}, {"items", std::move(item)}}},
                         {"next_cursor", schema::nullable(schema::text())}});
}

Response page_response(nlohmann::json items, const std::optional<std::int64_t>& next_before_id) {
  Response r;
  r.body = nlohmann::json{{"items", std::move(items)},
                          {"next_cursor", next_before_id ? nlohmann::json(encode_cursor(*next_before_id)) : nlohmann::json(nullptr)}}
               .dump();
  return r;
}

std::string page_text_start(std::size_t items) {
  std::string body;
  body.reserve(64 + items * 1024);  // a task is about 650 bytes: one allocation per page
  body += "{\"items\":[";
  return body;
}

Response page_text_end(std::string body, const std::optional<std::int64_t>& next_before_id) {
  body += "],\"next_cursor\":";
  if (next_before_id) engine::util::append_json_string(body, encode_cursor(*next_before_id));
  else body += "null";
  body += '}';
  Response r;
  r.body = std::move(body);
  return r;
}

}  // namespace jiaohe::api
