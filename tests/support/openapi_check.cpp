#include "tests/support/openapi_check.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "tests/support/test_database.hpp"

namespace jiaohe::testing {

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
