#pragma once
// Runs tests/openapi/validate.mjs (installed with its npm packages into the build folder by
// tests/openapi/OpenApiCheck.cmake) on a served OpenAPI document and the answers a test saw.
#include <string>

#include <nlohmann/json.hpp>

namespace jiaohe::testing {

struct OpenApiCheck {
  int exit_code = -1;  // 0: the document and every answer passed
  std::string output;  // what the script printed, errors included
};

// `answers`: [{"method", "route" (the pattern), "status", "content_type", "body"}], or empty.
// An operation's method as HTTP sends it ("get" -> "GET"), and a route pattern made a target
// by replacing each {name} with `id`.
std::string http_method(std::string operation_key);
std::string path_with_id(std::string pattern, const std::string& id = "1");

OpenApiCheck check_openapi(const std::string& document, const nlohmann::json& answers = nlohmann::json::array());

}  // namespace jiaohe::testing
