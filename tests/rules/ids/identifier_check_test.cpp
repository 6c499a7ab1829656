#include <doctest/doctest.h>

#include <chrono>

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
