// Deadlines per second: engine::deadlines::compute_deadline (prefix counts, binary search)
// against a naive day-by-day walk over the same calendar, measured in the same run.
// Usage: bench_deadlines [CALENDAR_DIR]  (default: the source tree's data/calendars)
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/calendar/naive_walk.hpp"
#include "engine/deadlines/deadline_calculator.hpp"

using namespace jiaohe::engine;

namespace {

struct Case {
  Instant receipt;
  std::int64_t n;
};

std::vector<Case> make_cases(std::size_t count, std::int64_t max_n) {
  std::mt19937_64 rng(42);  // fixed seed: every run measures the same inputs
  const auto first = calendar::start_of_local_day(*calendar::parse_date("2024-01-01"));
  std::uniform_int_distribution<long long> second(0, 3LL * 365 * 86400 - 1);
  std::uniform_int_distribution<std::int64_t> amount(1, max_n);
  std::vector<Case> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back({first + std::chrono::seconds{second(rng)}, amount(rng)});
  return out;
}

template <typename Fn>
double per_second(const std::vector<Case>& cases, Fn fn) {
  long long sink = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& c : cases) sink += fn(c);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (sink == 42) std::puts("");  // keeps the loop from being optimised away
  return static_cast<double>(cases.size()) / took.count();
}

}  // namespace

int main(int argc, char** argv) {
  const auto cal = calendar::load_calendar(argc > 1 ? argv[1] : JIAOHE_BENCH_SOURCE_DIR "/data/calendars");
  const calendar::NaiveCalendar naive(cal);
  std::printf("| limits | cases | compute_deadline (/s) | naive walk (/s) | ratio |\n|---|---|---|---|---|\n");
  for (std::int64_t max_n : {20, 250}) {
    const auto cases = make_cases(1'000'000, max_n);
    const double fast = per_second(cases, [&](const Case& c) {
      deadlines::DeadlineBasis b;
      b.receipt = c.receipt;
      b.limit = {c.n, deadlines::TimeUnit::kWorkingDays};
      return compute_deadline(cal, b)->due.time_since_epoch().count();
    });
    const double slow = per_second(cases, [&](const Case& c) {
      const auto last = naive.nth_working_day_after(calendar::local_day_of(c.receipt), c.n);
      return calendar::start_of_local_day(last + std::chrono::days{1}).time_since_epoch().count();
    });
    std::printf("| 1-%lld working days | %zu | %.0f | %.0f | %.1fx |\n", static_cast<long long>(max_n), cases.size(),
                fast, slow, fast / slow);
  }
  return 0;
}
