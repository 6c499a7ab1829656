#pragma once
// Template bodies of json_checks.hpp.
#include <algorithm>

#include "rules/text/suggest.hpp"

namespace jiaohe::rules::json_checks {

inline std::string Where::describe() const {
  std::string out = source;
  if (!label.empty()) out += ": " + label;
  if (!pointer.empty()) out += " (" + pointer + ")";
  return out;
}

inline std::string with_suggestion(const std::string& message, const std::string& value,
                                   const std::vector<std::string>& allowed) {
  if (auto near = text::nearest_name(value, allowed)) return message + " (did you mean \"" + *near + "\"?)";
  return message;
}

inline std::optional<UnknownKey> unknown_key(const nlohmann::json& object, const std::vector<std::string>& allowed) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    return UnknownKey{key, with_suggestion("unknown key \"" + key + "\"", key, allowed)};
  }
  return std::nullopt;
}

template <class E>
void require_only_keys(const nlohmann::json& object, const Where& where, const std::vector<std::string>& allowed) {
  if (auto unknown = unknown_key(object, allowed)) fail<E>(where.at(unknown->key), unknown->message);
}

template <class E>
const nlohmann::json& require_object(const nlohmann::json& v, const Where& where) {
  if (!v.is_object()) fail<E>(where, "must be a JSON object, got " + std::string(v.type_name()));
  return v;
}

template <class E>
std::string require_string(const nlohmann::json& parent, const std::string& key, const Where& where) {
  auto it = parent.find(key);
  if (it == parent.end()) fail<E>(where.at(key), "is missing (a string)");
  if (!it->is_string() || it->get<std::string>().empty())
    fail<E>(where.at(key), "must be a non-empty string, got " + it->dump());
  return it->get<std::string>();
}

template <class E>
std::string optional_string(const nlohmann::json& parent, const std::string& key, const Where& where) {
  auto it = parent.find(key);
  if (it == parent.end() || it->is_null()) return "";
  if (!it->is_string()) fail<E>(where.at(key), "must be a string, got " + it->dump());
  return it->get<std::string>();
}

template <class E>
int require_int(const nlohmann::json& parent, const std::string& key, const Where& where, int min, int max) {
  auto it = parent.find(key);
  if (it == parent.end()) fail<E>(where.at(key), "is missing (an integer)");
  if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max)
    fail<E>(where.at(key), "must be an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                               ", got " + it->dump());
  return it->get<int>();
}

template <class E>
std::vector<std::string> string_list(const nlohmann::json& parent, const std::string& key, const Where& where,
                                     bool required) {
  auto it = parent.find(key);
  if (it == parent.end()) {
    if (required) fail<E>(where.at(key), "is missing (a list of strings)");
    return {};
  }
  if (!it->is_array()) fail<E>(where.at(key), "must be a list of strings, got " + it->dump());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    if (!v.is_string()) fail<E>(where.at(key).at(i), "must be a string, got " + v.dump());
    out.push_back(v.get<std::string>());
  }
  return out;
}

template <class E>
void require_one_of(const std::string& value, const std::vector<std::string>& allowed, const Where& where,
                    const std::string& what) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail<E>(where, with_suggestion("unknown " + what + " \"" + value + "\"", value, allowed) + "; expected one of " + list);
}

}  // namespace jiaohe::rules::json_checks
