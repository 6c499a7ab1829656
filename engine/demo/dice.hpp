#pragma once
// The demo province's one source of randomness: seeded, so the same options give the same
// province, and shared by the population, the text noise and the defects.
#include <cstdint>
#include <random>
#include <span>

namespace jiaohe::engine::demo {

class Dice {
 public:
  explicit Dice(std::uint64_t seed) : rng_(seed) {}
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  bool chance(double p) { return p > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace jiaohe::engine::demo
