#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe::rules::ids;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2024} / June / 1};
const CitizenIdOptions kOptions{kToday, false};
constexpr std::string_view kCitizenIdChars = "0123456789X";
constexpr std::uint64_t kSeed = 20240601;

// Every substitution of one character by another allowed one; returns how many were accepted.
template <class Validate>
int accepted_mutations(const std::string& valid, std::string_view alphabet, Validate validate) {
  int accepted = 0;
  for (std::size_t i = 0; i < valid.size(); ++i) {
    for (char c : alphabet) {
      if (c == valid[i]) continue;
      std::string mutant = valid;
      mutant[i] = c;
      if (validate(mutant)) {
        ++accepted;
        MESSAGE("accepted mutation at position " << i + 1);
      }
    }
  }
  return accepted;
}

}  // namespace

TEST_CASE("generated citizen IDs validate and round trip") {
  IdGenerator gen(kSeed, kToday);
  for (int i = 0; i < 5000; ++i) {
    const std::string id = gen.citizen_id();
    const auto v = validate_citizen_id(id, kOptions);
    CAPTURE(i);
    REQUIRE(v.ok());
    CHECK(v.value() == id);
  }
}

TEST_CASE("generated credit codes validate and round trip") {
  IdGenerator gen(kSeed, kToday);
  for (int i = 0; i < 5000; ++i) {
    const std::string code = gen.credit_code();
    const auto v = validate_credit_code(code);
    CAPTURE(i);
    REQUIRE(v.ok());
    CHECK(v.value() == code);
  }
}

TEST_CASE("the generator is reproducible from its seed") {
  IdGenerator a(kSeed, kToday);
  IdGenerator b(kSeed, kToday);
  for (int i = 0; i < 10; ++i) {
    CHECK(a.citizen_id() == b.citizen_id());
    CHECK(a.credit_code() == b.credit_code());
  }
}

TEST_CASE("every single character mutation of a citizen ID is rejected") {
  auto valid = [](const std::string& s) { return validate_citizen_id(s, kOptions).ok(); };
  CHECK(accepted_mutations("11010519491231002X", kCitizenIdChars, valid) == 0);
  IdGenerator gen(kSeed, kToday);
  for (int i = 0; i < 200; ++i) CHECK(accepted_mutations(gen.citizen_id(), kCitizenIdChars, valid) == 0);
}

TEST_CASE("every single character mutation of a credit code is rejected") {
  auto valid = [](const std::string& s) { return validate_credit_code(s).ok(); };
  CHECK(accepted_mutations("91110000600037341L", kCreditCodeAlphabet, valid) == 0);
  CHECK(accepted_mutations("91350100M000100Y43", kCreditCodeAlphabet, valid) == 0);
  IdGenerator gen(kSeed, kToday);
  for (int i = 0; i < 200; ++i) CHECK(accepted_mutations(gen.credit_code(), kCreditCodeAlphabet, valid) == 0);
}

TEST_CASE("make_citizen_id places region date and sequence") {
  CHECK(make_citizen_id("110105", year{1949} / December / 31, 2) == "11010519491231002X");
}

TEST_CASE("make_credit_code computes both check characters") {
  CHECK(make_credit_code('9', '1', "110000", "60003734") == "91110000600037341L");
  CHECK(make_credit_code('9', '1', "350100", "M000100Y") == "91350100M000100Y43");
}
