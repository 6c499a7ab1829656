#include <doctest/doctest.h>

#include <chrono>

#include "rules/ids/id_generator.hpp"
#include "rules/ids/identifier_check.hpp"

using namespace jiaohe::rules::ids;
using namespace std::chrono;

namespace {
const CitizenIdOptions kOptions{year{2024} / June / 1, false};
}  // namespace

TEST_CASE("identifier kind is decided by shape") {
  const auto ric = check_identifier("11010519491231002x", kOptions);
  CHECK(ric.kind == IdentifierKind::kCitizenId);
  CHECK(ric.valid);
  CHECK(ric.value() == "11010519491231002X");
  const auto uscc = check_identifier("91350100m000100y43", kOptions);
  CHECK(uscc.kind == IdentifierKind::kCreditCode);
  CHECK(uscc.value() == "91350100M000100Y43");
  const auto bad_ric = check_identifier("110105194912310021", kOptions);
  CHECK(bad_ric.kind == IdentifierKind::kCitizenId);
  CHECK_FALSE(bad_ric.valid);
  CHECK(bad_ric.reason_code == "check_character");
  CHECK(bad_ric.value().empty());
  CHECK(check_identifier("1101051949", kOptions).reason_code == "length");
  CHECK(check_identifier("91110000600037341M", kOptions).reason_code == "check_character");
  CHECK(check_identifier("91110000600037341M", kOptions).kind == IdentifierKind::kCreditCode);
}

TEST_CASE("an all digit credit code is recognised") {
  const auto r = check_identifier("914403001922038216", kOptions);
  CHECK(r.kind == IdentifierKind::kCreditCode);
  CHECK(r.valid);
}

TEST_CASE("other shapes are unknown") {
  for (const char* text : {"", "hello", "ABC-123", "9111000060003734-L", "1101A5", "张三"}) {
    CAPTURE(text);
    const auto r = check_identifier(text, kOptions);
    CHECK(r.kind == IdentifierKind::kUnknown);
    CHECK(r.reason_code == "shape");
  }
  CHECK(kind_code(IdentifierKind::kCitizenId) == "ric");
  CHECK(kind_code(IdentifierKind::kCreditCode) == "uscc");
  CHECK(kind_code(IdentifierKind::kUnknown) == "unknown");
}

TEST_CASE("mistyped citizen IDs are not taken for credit codes (issue 11.11)") {
  // Every single-digit typo of many valid numbers: in auto mode an all-digit value that fails
  // as a citizen ID stays an invalid citizen ID unless it is a plausible credit code.
  jiaohe::rules::ids::IdGenerator gen(7, kOptions.today);
  int taken_for_codes = 0, typos = 0;
  for (int n = 0; n < 300; ++n) {
    const std::string id = gen.citizen_id();
    for (std::size_t i = 0; i < 17; ++i)
      for (char d = '0'; d <= '9'; ++d) {
        if (d == id[i]) continue;
        std::string typo = id;
        typo[i] = d;
        const auto r = check_identifier(typo, kOptions);
        if (r.valid && r.kind == IdentifierKind::kCitizenId) continue;  // another valid number
        ++typos;
        if (r.kind == IdentifierKind::kCreditCode) ++taken_for_codes;
      }
  }
  CHECK(typos > 40000);
  // A typo still passes as a credit code when its checks happen to hold and positions 3-4 are
  // a province code: fewer than 1 in 1,000 (it was about 1 in 300 before the region check).
  MESSAGE(taken_for_codes << " of " << typos << " typos taken for credit codes");
  CHECK(taken_for_codes * 1000 < typos);
}

TEST_CASE("--kind checks one kind only; credit codes need a province's region") {
  using jiaohe::rules::ids::ExpectedKind;
  const auto as_ric = check_identifier("914403001922038216", kOptions, ExpectedKind::kCitizenId);
  CHECK(as_ric.kind == IdentifierKind::kCitizenId);
  CHECK(!as_ric.valid);
  const auto as_uscc = check_identifier("11010519491231002X", kOptions, ExpectedKind::kCreditCode);
  CHECK(as_uscc.kind == IdentifierKind::kCreditCode);
  CHECK(!as_uscc.valid);
  CHECK(check_identifier("914403001922038216", kOptions, ExpectedKind::kCreditCode).valid);
  // Region 990000 is no province; 100000 is a national registration.
  const auto code = jiaohe::rules::ids::make_credit_code('9', '1', "990000", "MA2B3C4D");
  CHECK(check_identifier(code, kOptions, ExpectedKind::kCreditCode).reason_code == "region");
  CHECK(check_identifier(jiaohe::rules::ids::make_credit_code('9', '1', "100000", "MA2B3C4D"), kOptions,
                         ExpectedKind::kCreditCode)
            .valid);
}
