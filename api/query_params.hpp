#pragma once
// Filters of the list and report endpoints, read from the query string: ids, local dates,
// one-of values, and the agency a caller may look at. Each returns the value or the 400 (403
// for an agency scope that is not the caller's) to answer with.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "api/http.hpp"
#include "engine/calendar/local_time.hpp"

namespace jiaohe::api {

// A positive decimal id (path parameters, id filters), else nullopt.
std::optional<std::int64_t> parse_id(const std::string& text);

// ?name=<id>: 0 when absent.
std::variant<std::int64_t, Response> id_param(const Request& request, const std::string& name);

// ?name=YYYY-MM-DD (a date in Asia/Shanghai), nullopt when absent.
std::variant<std::optional<engine::calendar::LocalDay>, Response> date_param(const Request& request,
                                                                            const std::string& name);

// ?name= one of `allowed`, "" when absent.
std::variant<std::string, Response> choice_param(const Request& request, const std::string& name,
                                                 const std::vector<std::string>& allowed);

// The agency whose data the list is limited to ("" for all): an agency caller always its own
// (naming another in ?agency= is 403), the authority the one it names, if any.
std::variant<std::string, Response> agency_scope(const Request& request);

}  // namespace jiaohe::api
