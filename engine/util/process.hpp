#pragma once
// Running an external program (initdb, pg_ctl) without a shell: argv is passed as is.
#include <string>
#include <vector>

namespace jiaohe::engine::util {

struct ProcessResult {
  int exit_code = -1;   // -1 when it could not be started or was killed by a signal
  std::string output;   // stdout and stderr together
};

ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace jiaohe::engine::util
