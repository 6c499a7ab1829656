#include "tests/support/openapi_check.hpp"

#include <sys/wait.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "tests/support/test_database.hpp"

namespace jiaohe::testing {

std::string http_method(std::string operation_key) {
  for (auto& c : operation_key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return operation_key;
}

std::string path_with_id(std::string pattern, const std::string& id) {
  for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{'))
    pattern.replace(open, pattern.find('}', open) - open + 1, id);
  return pattern;
}

OpenApiCheck check_openapi(const std::string& document, const nlohmann::json& answers) {
  const auto dir = make_temp_dir("openapi");
  const auto document_file = dir + "/openapi.json";
  const auto answers_file = dir + "/answers.json";
  std::ofstream(document_file) << document;
  std::ofstream(answers_file) << answers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The paths are this build's own (compiled in from tests/openapi/OpenApiCheck.cmake).
  const std::string command = std::string("'") + JIAOHE_NODE + "' '" + JIAOHE_OPENAPI_CHECK + "' '" + document_file +
                              "' '" + answers_file + "' 2>&1";
  OpenApiCheck out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace jiaohe::testing
