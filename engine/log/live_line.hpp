#pragma once
// The one live line a terminal shows below the log (a scan's progress). Log lines are written
// above it: the sink clears the live line, writes its line, and draws the live line again, so
// a log line never lands inside it. Everything goes to stderr under one lock, shared with the
// log sink. Only for a terminal: a caller writing to a pipe or file prints plain lines instead.
#include <string_view>

namespace jiaohe::engine::log {

// Replaces the live line by `text` (one line, no newline; the caller fits it to the width).
void show_live_line(std::string_view text);
// Writes `text` as a line of its own above the live line, which stays.
void print_above_live_line(std::string_view text);
// Removes the live line; later output starts on a clean line.
void clear_live_line();

}  // namespace jiaohe::engine::log
