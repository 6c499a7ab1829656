#pragma once
// `jiaohe serve` as a child process: its stdout read line by line (the "serving on" line tells
// the port), its stderr kept in a file for the test to read after it stopped.
#include <sys/types.h>

#include <cstdio>
#include <string>
#include <vector>

namespace jiaohe::testing {

class ServeProcess {
 public:
  // Runs `jiaohe serve --database-url URL --port 0 --no-migrate EXTRA...` with `environment`
  // ("NAME=value") added to the test's own.
  explicit ServeProcess(const std::string& url, const std::vector<std::string>& extra = {},
                        const std::vector<std::string>& environment = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // The port from the "serving on http://host:PORT/" line (blocks until it is printed); 0 when
  // the process ended without printing it.
  unsigned short port();
  // SIGTERM, then the exit code (-1 when killed by a signal).
  int terminate_and_wait();
  // Waits for the process to end by itself: the signal that killed it, or 0 for an exit.
  int wait_for_signal();
  // What the process wrote to stderr so far.
  std::string errors() const;

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  std::string stderr_file_;
};

}  // namespace jiaohe::testing
