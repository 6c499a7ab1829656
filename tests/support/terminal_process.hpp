#pragma once
// A program run on a pseudo-terminal, as a person at a terminal runs it (isatty is true for its
// stdout and stderr), and what the terminal then shows: the bytes it wrote replayed through
// the few controls a progress line uses (carriage return, erase to end of line, newline).
#include <string>
#include <vector>

namespace jiaohe::testing {

struct TerminalRun {
  int exit_code = -1;  // -1 when killed by a signal
  std::string bytes;   // everything written to the terminal, controls included
};

// Runs argv (no shell) on a new pseudo-terminal `columns` wide, with `environment`
// ("NAME=value") added to the test's own, until it exits.
TerminalRun run_on_terminal(const std::vector<std::string>& argv, const std::vector<std::string>& environment = {},
                            int columns = 160);

// The lines a terminal shows after receiving `bytes` ("\r\n" from the terminal's own newline
// translation counts once). A line's text is what is left on it: overwritten or erased text
// is gone, as on the screen.
std::vector<std::string> screen_lines(const std::string& bytes);

}  // namespace jiaohe::testing
