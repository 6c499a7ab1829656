#pragma once
// RFC 9457 problem documents: the one place where errors become HTTP answers.
#include <string>

#include <nlohmann/json.hpp>

#include "api/http.hpp"

namespace jiaohe::api {

Response problem(int status, const std::string& title, const std::string& detail);
// With extension members, e.g. {"errors": [{"pointer": "/subject_id", "detail": ...}]}.
Response problem(int status, const std::string& title, const std::string& detail, const nlohmann::json& extensions);

// Maps whatever a handler threw (engine::Error codes, JSON errors, anything else) to a
// problem document; internal details are logged, never sent.
Response problem_from_current_exception();

}  // namespace jiaohe::api
