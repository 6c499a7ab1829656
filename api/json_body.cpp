#include "api/json_body.hpp"

#include <algorithm>

#include "api/problem.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::api {
namespace {

using nlohmann::json;

json to_json(const std::vector<FieldError>& errors) {
  json out = json::array();
  for (const auto& e : errors) {
    json item{{"pointer", e.pointer}, {"detail", e.detail}};
    if (!e.reason.empty()) item["reason"] = e.reason;
    out.push_back(std::move(item));
  }
  return out;
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::kString: return "a string";
    case FieldType::kBoolean: return "true or false";
    case FieldType::kObject: return "an object";
    case FieldType::kInteger: return "an integer";
    case FieldType::kArray: return "an array";
  }
  return "";
}

bool has_type(const json& v, FieldType t) {
  switch (t) {
    case FieldType::kString: return v.is_string();
    case FieldType::kBoolean: return v.is_boolean();
    case FieldType::kObject: return v.is_object();
    case FieldType::kInteger: return v.is_number_integer();
    case FieldType::kArray: return v.is_array();
  }
  return false;
}

const char* schema_type(FieldType t) {
  switch (t) {
    case FieldType::kString: return "string";
    case FieldType::kBoolean: return "boolean";
    case FieldType::kObject: return "object";
    case FieldType::kInteger: return "integer";
    case FieldType::kArray: return "array";
  }
  return "";
}

}  // namespace

Response invalid(const std::vector<FieldError>& errors) {
  return problem(422, "Invalid input", errors.front().pointer + ": " + errors.front().detail,
                 json{{"errors", to_json(errors)}});
}

std::vector<FieldError> check_shape(const json& body, const std::vector<FieldSpec>& fields) {
  std::vector<FieldError> errors;
  if (!body.is_object()) return {{"", "the body must be a JSON object", ""}};
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name);
  for (const auto& [key, value] : body.items()) {
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    std::string detail = "unknown field";
    if (auto near = rules::text::nearest_name(key, names)) detail += " (did you mean '" + *near + "'?)";
    errors.push_back({"/" + key, detail, ""});
  }
  for (const auto& f : fields) {
    const auto it = body.find(f.name);
    if (it == body.end()) {
      if (f.required) errors.push_back({"/" + f.name, "required", ""});
    } else if (!has_type(*it, f.type)) {
      errors.push_back({"/" + f.name, std::string("must be ") + type_name(f.type), ""});
    }
  }
  return errors;
}

std::variant<json, Response> parse_body(const Request& request, const std::vector<FieldSpec>& fields) {
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return problem(400, "Malformed JSON", "the request body is not valid JSON");
  if (auto errors = check_shape(body, fields); !errors.empty()) return invalid(errors);
  return body;
}

std::string string_field(const json& body, const char* name) { return body.value(name, std::string()); }

json body_schema(const std::vector<FieldSpec>& fields) {
  json properties = json::object();
  json required = json::array();
  for (const auto& f : fields) {
    properties[f.name] = {{"type", schema_type(f.type)}};
    if (f.required) required.push_back(f.name);
  }
  return {{"type", "object"}, {"properties", properties}, {"required", required}, {"additionalProperties", false}};
}

}  // namespace jiaohe::api
