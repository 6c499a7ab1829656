#pragma once
// Reading hand-written JSON data files (calendars, statute profiles) as closed objects:
// every error names the file and the JSON location, and an unknown key suggests the nearest
// valid one, so a typo in a data file never silently changes a deadline.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jiaohe::engine::util {

// Parses the file; throws engine::Error(kInvalidInput) naming the file on I/O or syntax errors.
// `raw_text`, when given, receives the bytes read (for content digests).
nlohmann::json read_json_file(const std::filesystem::path& path, std::string* raw_text = nullptr);

// Throws when `object` is not an object or has a key outside `allowed` (the closed-object check
// of rules/json_checks.hpp, the one for every document); `where` is the file and location used
// in the message (e.g. "data/x.json: procedures.review").
void check_keys(const nlohmann::json& object, const std::vector<std::string>& allowed, const std::string& where);

// Throws unless `object` has `key`.
const nlohmann::json& require_key(const nlohmann::json& object, const std::string& key, const std::string& where);

}  // namespace jiaohe::engine::util
