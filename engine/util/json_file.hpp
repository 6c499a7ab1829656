#pragma once
// Reading a JSON file with errors that name the file (and the byte of a syntax error).
#include <filesystem>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace jiaohe::engine::util {

// Throws E("<path>: cannot be read ..." / "<path>: malformed JSON at byte N: ...").
template <class E>
nlohmann::json read_json_file(const std::filesystem::path& path);

}  // namespace jiaohe::engine::util

#include <fstream>
#include <sstream>

namespace jiaohe::engine::util {

template <class E>
nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw E(path.string() + ": cannot be read (does it exist?)");
  std::stringstream text;
  text << in.rdbuf();
  try {
    return nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw E(path.string() + ": malformed JSON at byte " + std::to_string(e.byte) + ": " + e.what());
  }
}

}  // namespace jiaohe::engine::util
