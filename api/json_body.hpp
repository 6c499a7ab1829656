#pragma once
// Reading a JSON request body strictly: malformed JSON is 400; unknown fields (with "did you
// mean"), missing required fields and wrong types are 422 with one JSON pointer per field.
// Every POST handler declares its fields as a table and calls parse_body first.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http.hpp"
#include "engine/error.hpp"

namespace jiaohe::api {

// One field error of a 422: the engine's, so a domain refusal and a shape error read alike.
using FieldError = engine::FieldError;

enum class FieldType { kString, kBoolean, kObject, kInteger, kArray };

struct FieldSpec {
  std::string name;
  FieldType type;
  bool required;
};

// How deeply a request body's arrays and objects may nest (no endpoint needs more than 3).
inline constexpr int kMaxJsonDepth = 32;

// The 422 problem listing every error (the first one in `detail`).
Response invalid(const std::vector<FieldError>& errors);

// Unknown fields, missing required ones and wrong types, every one of them.
std::vector<FieldError> check_shape(const nlohmann::json& body, const std::vector<FieldSpec>& fields);

// The body as a JSON object matching `fields`, or the 400/422 answer: 400 for malformed JSON,
// invalid UTF-8 or nesting deeper than kMaxJsonDepth; 422 for NUL in any string (with its
// pointer) and for the shape errors above.
std::variant<nlohmann::json, Response> parse_body(const Request& request, const std::vector<FieldSpec>& fields);

std::string string_field(const nlohmann::json& body, const char* name);

// The JSON Schema parse_body enforces for `fields` (a closed object), for /openapi.json.
nlohmann::json body_schema(const std::vector<FieldSpec>& fields);

}  // namespace jiaohe::api
