#include "cli/unit_flags.hpp"

#include <string>

#include "engine/scan/scan_types.hpp"

namespace jiaohe::cli {
namespace {

constexpr int kMaxWorkers = 64;
constexpr int kMaxLeaseSeconds = 3600;

int whole_number(const std::string& flag, const std::string& text, int min, int max) {
  const bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
  const int n = digits ? std::stoi(text) : -1;
  if (n < min || n > max)
    throw UsageError("--" + flag + " expects a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + text + "'");
  return n;
}

}  // namespace

Flag workers_flag() {
  return {"workers", "N",
          "workers in this process doing the scan's units, one dataset each at a time (default 1; 0: leave "
          "them to 'jiaohe worker' processes on the same database)"};
}

Flag lease_flag() {
  return {"lease-seconds", "S",
          "how long a unit or scan stays held without a heartbeat before another process takes it over "
          "(default " + std::to_string(engine::scan::kDefaultLease.count()) + ")"};
}

int workers_of(const ParsedArgs& args) {
  if (const auto v = args.value("workers")) return whole_number("workers", *v, 0, kMaxWorkers);
  return 1;
}

std::chrono::seconds lease_of(const ParsedArgs& args) {
  if (const auto v = args.value("lease-seconds")) return std::chrono::seconds(whole_number("lease-seconds", *v, 3, kMaxLeaseSeconds));
  return engine::scan::kDefaultLease;
}

}  // namespace jiaohe::cli
