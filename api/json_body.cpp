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

// The byte offset where `text`'s arrays and objects first nest deeper than `limit`, or npos.
// A byte scan before parsing: a document too deep is refused before anything walks or copies it
// recursively (nlohmann's copy and comparison recurse).
std::size_t too_deep_at(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// The pointer of the first string (or member name) holding NUL, which PostgreSQL's text cannot
// store (and which would otherwise be stored cut short).
std::optional<std::string> nul_at(const json& value, const std::string& pointer) {
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().find('\0') != std::string::npos) return pointer;
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      const auto here = pointer + "/" + pointer_token(key);
      if (key.find('\0') != std::string::npos) return here;
      if (auto found = nul_at(member, here)) return found;
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      if (auto found = nul_at(value[i], pointer + "/" + std::to_string(i))) return found;
  }
  return std::nullopt;
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
  if (const auto at = too_deep_at(request.body, kMaxJsonDepth); at != std::string_view::npos)
    return problem(400, "Malformed JSON",
                   "the request body nests arrays and objects deeper than " + std::to_string(kMaxJsonDepth) +
                       " levels (at byte " + std::to_string(at) + ")");
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return problem(400, "Malformed JSON", "the request body is not valid JSON (or not UTF-8)");
  if (auto pointer = nul_at(body, "")) return invalid({{*pointer, "must not contain the NUL character (\\u0000)", ""}});
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
