// bench_validate_ids [N]: the validators alone, in process, on N generated identifiers held in
// memory (no I/O): ns per citizen ID and per credit code. Complements bench/validate_id.sh,
// which measures the CLI end to end.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe::rules::ids;
using namespace std::chrono;

namespace {

template <class F>
double time_of(F&& f) {
  const auto t0 = steady_clock::now();
  f();
  return duration<double>(steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const year_month_day today = year{2024} / June / 1;
  IdGenerator gen(42, today);
  std::vector<std::string> rics(n);
  std::vector<std::string> usccs(n);
  for (auto& s : rics) s = gen.citizen_id();
  for (auto& s : usccs) s = gen.credit_code();
  const CitizenIdOptions options{today, false};

  std::size_t valid = 0;
  const double t_ric = time_of([&] {
    for (const auto& s : rics) valid += validate_citizen_id(s, options).ok();
  });
  const double t_uscc = time_of([&] {
    for (const auto& s : usccs) valid += validate_credit_code(s).ok();
  });
  std::printf("%zu citizen IDs: %.3f s (%.1f ns each)\n", n, t_ric, t_ric * 1e9 / static_cast<double>(n));
  std::printf("%zu credit codes: %.3f s (%.1f ns each)\n", n, t_uscc, t_uscc * 1e9 / static_cast<double>(n));
  std::printf("valid: %zu of %zu\n", valid, 2 * n);
  return valid == 2 * n ? 0 : 1;
}
