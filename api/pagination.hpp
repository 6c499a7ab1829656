#pragma once
// List endpoints: `limit` (1-200, default 50) and an opaque `cursor` taken from the
// previous page's `next_cursor`. Answers are {"items": [...], "next_cursor": "..." | null}.
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "api/http.hpp"
#include "engine/store/page.hpp"

namespace jiaohe::api {

inline constexpr int kDefaultPageLimit = 50;
inline constexpr int kMaxPageLimit = 200;

// The 400 naming one bad query parameter: {"errors": [{"parameter": name, "detail": ...}]}.
Response bad_parameter(const std::string& name, const std::string& detail);

// ?limit= and ?cursor=, or the 400 naming the bad one.
std::variant<engine::store::PageQuery, Response> page_query(const Request& request);

std::string encode_cursor(std::int64_t before_id);

// The page envelope's JSON Schema, for /openapi.json: `item` is each item's.
nlohmann::json page_schema(nlohmann::json item);

// 200 with the page envelope.
Response page_response(nlohmann::json items, const std::optional<std::int64_t>& next_before_id);

template <typename T, typename ToJson>
Response page_response(const engine::store::Page<T>& page, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return page_response(std::move(items), page.next_before_id);
}

// page_text_response's beginning (room reserved for `items` items) and end.
std::string page_text_start(std::size_t items);
Response page_text_end(std::string body, const std::optional<std::int64_t>& next_before_id);

// The same answer as page_response, for items appended as JSON text by `append(out, item)`
// (engine/util/json_text.hpp) instead of built as nlohmann values: for long pages of large items.
template <typename T, typename Append>
Response page_text_response(const engine::store::Page<T>& page, Append append) {
  std::string body = page_text_start(page.items.size());
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    if (i) body += ',';
    append(body, page.items[i]);
  }
  return page_text_end(std::move(body), page.next_before_id);
}
}  // namespace jiaohe::api
