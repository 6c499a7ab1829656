#pragma once
// Checks shared by every JSON document Jiaohe loads (rule packs, catalogues, profiles):
// closed objects with "did you mean", typed fields, messages that name source and pointer.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jiaohe::rules::json_checks {

// Where a value sits: the file and a JSON pointer, plus an optional "rule X" label.
struct Where {
  std::string source;
  std::string pointer;
  std::string label;  // e.g. "rule BL-REQ-001"; may be empty

  Where at(const std::string& key) const { return {source, pointer + "/" + key, label}; }
  Where at(std::size_t index) const { return {source, pointer + "/" + std::to_string(index), label}; }
  Where labelled(const std::string& l) const { return {source, pointer, l}; }
  std::string describe() const;  // "file x.json: rule R (/rules/0/kind)"
};

// Throws E(where.describe() + ": " + message).
template <class E>
[[noreturn]] void fail(const Where& where, const std::string& message) {
  throw E(where.describe() + ": " + message);
}

// The one closed-object check of every JSON document Jiaohe reads (packs, catalogues, profiles,
// calendars): the first key of `object` outside `allowed`, with the message naming it and the
// nearest allowed key; nothing when every key is allowed.
struct UnknownKey {
  std::string key;
  std::string message;  // unknown key "remindr" (did you mean "reminder"?)
};
std::optional<UnknownKey> unknown_key(const nlohmann::json& object, const std::vector<std::string>& allowed);

// Unknown keys are errors naming the nearest allowed key.
template <class E>
void require_only_keys(const nlohmann::json& object, const Where& where, const std::vector<std::string>& allowed);

template <class E>
const nlohmann::json& require_object(const nlohmann::json& v, const Where& where);
template <class E>
std::string require_string(const nlohmann::json& parent, const std::string& key, const Where& where);
template <class E>
std::string optional_string(const nlohmann::json& parent, const std::string& key, const Where& where);
template <class E>
int require_int(const nlohmann::json& parent, const std::string& key, const Where& where, int min, int max);
template <class E>
std::vector<std::string> string_list(const nlohmann::json& parent, const std::string& key, const Where& where,
                                     bool required);
// The value must be one of `allowed`; otherwise "did you mean".
template <class E>
void require_one_of(const std::string& value, const std::vector<std::string>& allowed, const Where& where,
                    const std::string& what);

}  // namespace jiaohe::rules::json_checks

#include "rules/json_checks_impl.hpp"
