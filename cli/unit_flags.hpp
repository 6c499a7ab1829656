#pragma once
// `--workers` and `--lease-seconds` of `jiaohe scan` and `jiaohe worker`: how many workers of
// this process do a scan's units, and how long a lease holds without renewal (docs/SCALE.md).
#include <chrono>

#include "cli/command.hpp"

namespace jiaohe::cli {

Flag workers_flag();
Flag lease_flag();
// The values given, or the defaults (1 worker; engine::scan::kDefaultLease). A value out of
// range is a UsageError naming the flag.
int workers_of(const ParsedArgs& args);
std::chrono::seconds lease_of(const ParsedArgs& args);

}  // namespace jiaohe::cli
