#include <doctest/doctest.h>

#include "engine/log/log.hpp"
#include "engine/log/mask.hpp"

using jiaohe::engine::log::format_event;
using jiaohe::engine::log::mask_identifier;
using jiaohe::engine::log::mask_identifiers;

TEST_CASE("a citizen ID number keeps only its first six and last four characters") {
  CHECK(mask_identifier("33010619900307123X") == "330106********123X");
  CHECK(mask_identifier("330106199003071234") == "330106********1234");
  CHECK(mask_identifier("33010619900307123x") == "330106********123x");
}

TEST_CASE("a unified social credit code is masked the same way") {
  CHECK(mask_identifier("91330106MA2CDEFG1H") == "913301********FG1H");
}

TEST_CASE("identifiers inside longer text are masked wherever they stand") {
  CHECK(mask_identifiers("dispute for 33010619900307123X filed") == "dispute for 330106********123X filed");
  CHECK(mask_identifiers("id=330106199003071234,org=91330106MA2CDEFG1H") ==
        "id=330106********1234,org=913301********FG1H");
  CHECK(mask_identifiers("身份证号33010619900307123X的记录") == "身份证号330106********123X的记录");
  CHECK(mask_identifiers("\"330106199003071234\"") == "\"330106********1234\"");
}

TEST_CASE("other numbers are left alone") {
  // 17 and 19 digits, order numbers, timestamps, ports, a lower-case 18-character word.
  CHECK(mask_identifiers("rows=33010619900307123") == "rows=33010619900307123");
  CHECK(mask_identifiers("order 3301061990030712345") == "order 3301061990030712345");
  CHECK(mask_identifiers("at 2026-11-27T17:40:03 port 8080") == "at 2026-11-27T17:40:03 port 8080");
  CHECK(mask_identifiers("abcdefghijklmnopqr") == "abcdefghijklmnopqr");
  // Letters outside the GB 32100 alphabet (I, O, S, V, Z) are not a credit code.
  CHECK(mask_identifiers("SOMEVARIABLENAMEXY") == "SOMEVARIABLENAMEXY");
}

TEST_CASE("log events are key=value lines with quoting") {
  CHECK(format_event("scan.done", {{"dataset", "hr_person"}, {"rows", 42}}) == "event=scan.done dataset=hr_person rows=42");
  CHECK(format_event("x", {{"error", "bad \"thing\" here"}}) == "event=x error=\"bad \\\"thing\\\" here\"");
  CHECK(format_event("x", {{"empty", ""}}) == "event=x empty=\"\"");
}

TEST_CASE("15-digit legacy numbers, lower-case credit codes and full-width identifiers are masked too") {
  CHECK(mask_identifiers("legacy 330106650412123 here") == "legacy 330106*****2123 here");
  CHECK(mask_identifiers("code 91330106ma2b3c4d11.") == "code 913301********4d11.");
  CHECK(mask_identifiers("号码３３０１０６１９９００３０７１２３４") == "号码３３０１０６********１２３４");
  CHECK(mask_identifiers("16 digits 3301066504121234 stay") == "16 digits 3301066504121234 stay");
}
