#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>

#include "rules/ids/identifier_check.hpp"
#include "rules/normalize/normalizer_registry.hpp"

using namespace jiaohe::rules;
using namespace std::chrono;

TEST_CASE("validators and normalisers answer every random byte string with a verdict") {
  // Defects in data are values: arbitrary bytes (broken UTF-8 too) must never throw or crash.
  std::mt19937_64 rng(7);
  const ids::CitizenIdOptions options{year{2024} / June / 1, true};
  normalize::NormalizeContext context;
  context.today = options.today;
  const std::string pieces[] = {"1", "X", "x", " ", "\u3000", "１", "ｘ", "年", "月", "日", "-", "/", ".", "+86",
                                "\xEF\xBC", "\xFF", "\x80", "\t", "A", "0086"};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int parts = static_cast<int>(rng() % 24);
    for (int p = 0; p < parts; ++p) {
      if (rng() % 3 == 0) s.push_back(static_cast<char>(rng() % 256));
      else s += pieces[rng() % std::size(pieces)];
    }
    CAPTURE(s);
    const auto check = ids::check_identifier(s, options);
    CHECK((check.valid ? !check.value().empty() : !check.reason_code.empty()));
    for (const auto& n : normalize::normalizers()) {
      const auto r = normalize::normalize(n.name, s, context);
      CHECK((r.ok || !r.reason_code.empty()));
    }
  }
}
