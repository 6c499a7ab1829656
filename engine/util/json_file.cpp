#include "engine/util/json_file.hpp"

#include <fstream>
#include <sstream>

#include "engine/error.hpp"
#include "rules/json_checks.hpp"

namespace jiaohe::engine::util {

nlohmann::json read_json_file(const std::filesystem::path& path, std::string* raw_text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kInvalidInput, path.string() + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  try {
    auto doc = nlohmann::json::parse(text.str());
    if (raw_text) *raw_text = text.str();
    return doc;
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::kInvalidInput,
                path.string() + ": malformed JSON at byte " + std::to_string(e.byte) + ": " + e.what());
  }
}

void check_keys(const nlohmann::json& object, const std::vector<std::string>& allowed, const std::string& where) {
  if (!object.is_object()) throw Error(ErrorCode::kInvalidInput, where + ": must be a JSON object");
  if (auto unknown = rules::json_checks::unknown_key(object, allowed))
    throw Error(ErrorCode::kInvalidInput, where + ": " + unknown->message);
}

const nlohmann::json& require_key(const nlohmann::json& object, const std::string& key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) throw Error(ErrorCode::kInvalidInput, where + ": missing key \"" + key + "\"");
  return *it;
}

}  // namespace jiaohe::engine::util
