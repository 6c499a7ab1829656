#include <doctest/doctest.h>

#include <string>

#include "rules/ids/credit_code.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe::rules::ids;

namespace {
CreditCodeReason reason_of(const std::string& text) { return validate_credit_code(text).reason; }
}  // namespace

TEST_CASE("published credit codes are valid") {
  // Each checked by hand too: e.g. 60003734 -> GB 11714 sum 109, 11 - 109 % 11 = 1; MOD 31 gives L.
  for (const char* code : {"91110000600037341L", "91350100M000100Y43", "914403001922038216", "12100000400000624D"}) {
    CAPTURE(code);
    const auto v = validate_credit_code(code);
    CHECK(v.ok());
    CHECK(v.value() == code);
  }
  CHECK(organisation_code_check_character("60003734") == '1');
  CHECK(credit_code_check_character("91110000600037341") == 'L');
}

TEST_CASE("credit code input is folded before checking") {
  CHECK(validate_credit_code("91110000600037341l").value() == "91110000600037341L");
  CHECK(validate_credit_code(" 91350100m000100y43 ").value() == "91350100M000100Y43");
  CHECK(validate_credit_code("９１１１００００６０００３７３４１Ｌ").value() == "91110000600037341L");
  CHECK(validate_credit_code("\u3000９１１１００００６０００３７３４１ｌ\u3000").value() == "91110000600037341L");
}

TEST_CASE("every credit code reason code is reachable") {
  CHECK(reason_of("") == CreditCodeReason::kLength);
  CHECK(reason_of("91110000600037341") == CreditCodeReason::kLength);
  CHECK(reason_of("91110000600037341LL") == CreditCodeReason::kLength);
  CHECK(reason_of("9111000060003734IL") == CreditCodeReason::kCharacter);  // I is not in the alphabet
  CHECK(reason_of("91110000600037341O") == CreditCodeReason::kCharacter);
  CHECK(reason_of("9111000060003734-L") == CreditCodeReason::kCharacter);
  CHECK(reason_of("94110000600037341L") == CreditCodeReason::kAuthorityType);  // 工商 registers types 1-3 only
  CHECK(reason_of("B1110000600037341L") == CreditCodeReason::kAuthorityType);  // no authority B
  CHECK(reason_of("Y2110000600037341L") == CreditCodeReason::kAuthorityType);
  CHECK(reason_of("911A0000600037341L") == CreditCodeReason::kRegion);
  CHECK(reason_of("91110000600037342L") == CreditCodeReason::kOrganisationCheck);
  CHECK(reason_of("91110000600037341M") == CreditCodeReason::kCheckCharacter);
}

TEST_CASE("credit code reasons have codes and positions") {
  const auto v = validate_credit_code("9111000060003734IL");
  CHECK(v.position == 17);
  CHECK(reason_code(v.reason) == "character");
  CHECK(reason_code(CreditCodeReason::kAuthorityType) == "authority_type");
  CHECK(reason_code(CreditCodeReason::kOrganisationCheck) == "organisation_code_check");
  CHECK(reason_code(CreditCodeReason::kCheckCharacter) == "check_character");
  CHECK_FALSE(reason_message(CreditCodeReason::kRegion).empty());
}

TEST_CASE("the authority and type table follows GB 32100") {
  for (const char* pair : {"11", "12", "13", "19", "21", "29", "31", "35", "39", "41", "51", "52", "53", "59", "61",
                           "62", "71", "72", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"}) {
    CAPTURE(pair);
    CHECK(is_allowed_authority_type(pair[0], pair[1]));
  }
  for (const char* pair : {"14", "22", "36", "42", "54", "63", "73", "82", "94", "99", "A2", "N4", "Y9", "01", "B1"}) {
    CAPTURE(pair);
    CHECK_FALSE(is_allowed_authority_type(pair[0], pair[1]));
  }
}

TEST_CASE("GB 11714 check character maps 10 to X and 11 to 0") {
  // The last body character weighs 2: sum 12 leaves 1, 11 - 1 = 10 -> X; sum 0 gives 11 -> 0.
  CHECK(organisation_code_check_character("00000006") == 'X');
  CHECK(organisation_code_check_character("00000000") == '0');
  CHECK(organisation_code_check_character("00000001") == '9');  // sum 2
  CHECK(organisation_code_check_character("10000000") == '8');  // sum 3
  // Letters count A=10 .. Z=35: M weighs 22 * 3 = 66, a multiple of 11.
  CHECK(organisation_code_check_character("M0000000") == '0');
}
