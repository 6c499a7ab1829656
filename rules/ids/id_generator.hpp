#pragma once
// Valid identifiers built from their parts, check characters computed: for round-trip tests,
// benchmarks and the synthetic data generator. Not for the validation path.
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace jiaohe::rules::ids {

// An 18-character citizen identity number; `region6` six digits, `sequence` 0-999 (odd: male).
std::string make_citizen_id(std::string_view region6, std::chrono::year_month_day birth, int sequence);

// An 18-character unified social credit code; `region6` six digits, `body8` eight characters of
// the code alphabet (the organisation code without its check character).
std::string make_credit_code(char authority, char type, std::string_view region6, std::string_view body8);

// Random valid identifiers from a fixed seed, so that runs are reproducible.
class IdGenerator {
 public:
  IdGenerator(std::uint64_t seed, std::chrono::year_month_day today);

  // A province-level prefix and four random digits.
  std::string region();
  // A birth date from 1900-01-01 to today.
  std::chrono::year_month_day birth_date();
  std::string citizen_id();
  std::string credit_code();

 private:
  int uniform(int low, int high);  // inclusive

  std::mt19937_64 rng_;
  std::chrono::year_month_day today_;
};

}  // namespace jiaohe::rules::ids
