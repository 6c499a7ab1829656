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
OpenApiCheck check_openapi(const std::string& document, const nlohmann::json& answers = nlohmann::json::array());

}  // namespace jiaohe::testing
