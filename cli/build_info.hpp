#pragma once
// What this binary was built from; the definition is generated at every build
// (cmake/BuildInfo.cmake).
#include <string_view>

namespace jiaohe::cli {

struct BuildInfo {
  std::string_view release;  // the project's version, e.g. 0.1.0
  std::string_view commit;   // short git commit, "-dirty" appended for local changes, or "unknown"
};

const BuildInfo& build_info();

}  // namespace jiaohe::cli
