#include "api/response_schema.hpp"

#include <algorithm>

namespace jiaohe::api::schema {

using nlohmann::json;

json component(const std::string& name, json schema) {
  schema[kComponentKey] = name;
  return schema;
}

json closed(json base, json properties, std::initializer_list<const char*> required) {
  json out = {{"allOf", json::array({std::move(base)})}, {"unevaluatedProperties", false}};
  if (!properties.empty()) out["properties"] = std::move(properties);
  if (required.size() > 0) out["required"] = required;
  return out;
}

json record(json properties) {
  json required = json::array();
  for (const auto& [name, _] : properties.items()) required.push_back(name);
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)},
          {"additionalProperties", false}};
}

json shape(json properties, std::initializer_list<const char*> optional) {
  json required = json::array();
  for (const auto& [name, _] : properties.items())
    if (std::find(optional.begin(), optional.end(), name) == optional.end()) required.push_back(name);
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json text() { return {{"type", "string"}}; }
json integer() { return {{"type", "integer"}}; }
json boolean() { return {{"type", "boolean"}}; }
json number() { return {{"type", "number"}}; }
json instant() { return {{"type", "string"}, {"format", "date-time"}}; }
json date() { return {{"type", "string"}, {"format", "date"}}; }
json texts() { return {{"type", "array"}, {"items", text()}}; }

json nullable(json schema) {
  if (schema.contains("type") && schema["type"].is_string())
    schema["type"] = json::array({schema["type"], "null"});
  else if (schema.contains("enum"))
    schema["enum"].push_back(nullptr);
  else
    return {{"anyOf", json::array({std::move(schema), {{"type", "null"}}})}};
  return schema;
}

}  // namespace jiaohe::api::schema
