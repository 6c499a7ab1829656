#include "cli/stop_signals.hpp"

#include <pthread.h>

namespace jiaohe::cli {

StopSignals::StopSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
}

int StopSignals::wait() const {
  int received = 0;
  sigwait(&set_, &received);
  return received;
}

}  // namespace jiaohe::cli
