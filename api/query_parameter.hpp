#pragma once
// The query parameters a route accepts, declared in its RouteSchema (api/router.hpp): the one
// list that /openapi.json documents and the server enforces. Any other name is refused with a
// 400 ("did you mean") before the handler runs, so a handler can read only declared names.
// The factories mirror QueryReader's getters, so that the schema says what the reader checks.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http.hpp"

namespace jiaohe::api {

struct QueryParameter {
  std::string name;
  nlohmann::json schema;  // JSON Schema of the value as text arrives (OpenAPI 3.1, 2020-12)
  std::string description;
};

namespace query {

// QueryReader::text: any non-empty text.
QueryParameter text(std::string name, std::string description);
// QueryReader::choice: one of `names`.
QueryParameter choice(std::string name, const std::vector<std::string>& names, std::string description);
// QueryReader::boolean: "true" or "false".
QueryParameter boolean(std::string name, std::string description);
// QueryReader::local_instant: a date or date-time, read in Asia/Shanghai unless it has an offset.
QueryParameter instant(std::string name, std::string description);
// QueryReader::local_date: a calendar date.
QueryParameter date(std::string name, std::string description);
// QueryReader::id: a positive whole number, at most `maximum` when given.
QueryParameter id(std::string name, std::string description, std::optional<long long> maximum = std::nullopt);
// `limit` and `cursor` of a paged list (api/pagination.hpp).
std::vector<QueryParameter> page();

}  // namespace query

// `declared` followed by `more`: a paged list's filters and the page parameters.
std::vector<QueryParameter> operator+(std::vector<QueryParameter> declared, const std::vector<QueryParameter>& more);

// nullopt when every query parameter of the request is declared; otherwise the 400 naming the
// first other one, with the nearest declared name as a suggestion.
std::optional<Response> refuse_undeclared_query(const Request& request, const std::vector<QueryParameter>& declared);

}  // namespace jiaohe::api
