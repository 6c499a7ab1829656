#pragma once
// SIGINT and SIGTERM for the long-running commands (serve, worker): blocked from construction on
// in the calling thread and every thread it starts afterwards, so that only wait() receives
// them and no signal lands in the middle of work. Construct it before starting any thread.
#include <csignal>

namespace jiaohe::cli {

class StopSignals {
 public:
  StopSignals();
  // Waits for one of them; returns its number.
  int wait() const;

 private:
  sigset_t set_;
};

}  // namespace jiaohe::cli
