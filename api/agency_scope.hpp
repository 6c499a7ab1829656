#pragma once
// Which agency's data a list or report is limited to: an agency caller always its own (naming
// another in ?agency= is a 403), the authority the one it names in ?agency=, if any.
#include <string>
#include <variant>

#include "api/http.hpp"
#include "api/query_parameter.hpp"

namespace jiaohe::api {

// The agency code ("" for all), or the 403 to answer with.
std::variant<std::string, Response> agency_scope(const Request& request);

// ?agency= as agency_scope reads it, for the routes that call it.
QueryParameter agency_parameter();

}  // namespace jiaohe::api
