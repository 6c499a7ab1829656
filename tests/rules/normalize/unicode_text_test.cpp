#include <doctest/doctest.h>

#include "rules/normalize/canonical_value.hpp"
#include "rules/normalize/normalizer_registry.hpp"
#include "rules/normalize/unicode_text.hpp"

namespace norm = jiaohe::rules::normalize;

TEST_CASE("blank means blank in Unicode") {
  for (const char* blank : {"", " ", "\t\n", "\u3000", "\u00a0", "\u2000\u200a", "\u200b", "\ufeff", "\u3000\u200b "})
    CHECK_MESSAGE(norm::is_blank(blank), blank);
  for (const char* visible : {"a", "\u3000x", "张", "\xff"}) CHECK_MESSAGE(!norm::is_blank(visible), visible);
  CHECK(norm::trim_blank("\u3000 Ｒ１０\u00a0") == "Ｒ１０");
  CHECK(norm::trim_blank("\u200b") == "");
}

TEST_CASE("text folds width, trims blanks and collapses inner white space") {
  CHECK(norm::normalize("text", "\u3000５Ｇ通信\u00a0 ").value == "5G通信");
  CHECK(norm::normalize("text", "a\u200bb  c\t d").value == "ab c d");
  CHECK(norm::normalize("casefold", " ABC Ｄ ").value == "abc d");
}

TEST_CASE("person names: no space next to CJK, one between Latin words, middle dots unified") {
  const auto name = [](const char* s) { return norm::normalize("person_name", s).value; };
  CHECK(name("郭 馨") == name("郭馨"));
  CHECK(name("\u3000孙八\u00a0") == "孙八");
  CHECK(name("买买提•艾力") == "买买提·艾力");
  CHECK(name("阿依古丽・买买提") == "阿依古丽·买买提");
  CHECK(name("买买提 · 艾力") == "买买提·艾力");
  CHECK(name("john  smith") == "JOHN SMITH");
  CHECK(name("李 John") == "李JOHN");
  CHECK(name("张三") != name("张叁"));
}

TEST_CASE("organisation names and codes: NFKC, white space removed, upper case") {
  CHECK(norm::normalize("org_name", "恒达（杭州）科技有限公司").value == norm::normalize("org_name", "恒达(杭州)科技有限公司").value);
  CHECK(norm::normalize("org_name", " 杭州 远景 贸易 ").value == "杭州远景贸易");
  CHECK(norm::normalize("org_name", "５ｇ通信").value == "5G通信");
  CHECK(norm::normalize("code", " ｍ ").value == "M");
}

TEST_CASE("numbers have one canonical text") {
  CHECK(norm::normalize("number", "1,000,000").value == "1000000");
  CHECK(norm::normalize("number", "２００").value == "200");
  CHECK(norm::normalize("number", " -05.50 ").value == "-5.5");
  CHECK(norm::normalize("number", "-0").value == "0");
  for (const char* bad : {"abc", "1,,0", ",1", "1.", "1.2.3", "--1", "1e5"})
    CHECK_MESSAGE(norm::normalize("number", bad).reason_code == "not_a_number", bad);
}

TEST_CASE("the canonical value: blank is absent, the value map is looked up normalised, keys compare") {
  const auto* code = norm::find_normalizer("code");
  norm::ValueCanonicalizer sex(*code, {}, {{"M", "1"}, {"女", "2"}});
  norm::CanonicalValue v;
  sex.canonicalize(std::string_view("ｍ "), v);
  CHECK(v.present);
  CHECK(v.normalized == "1");
  sex.canonicalize(std::string_view(" 女"), v);
  CHECK(v.normalized == "2");
  sex.canonicalize(std::string_view("\u3000"), v);
  CHECK(!v.present);
  sex.canonicalize(std::nullopt, v);
  CHECK(!v.present);
  const auto* id = norm::find_normalizer("citizen_id");
  norm::ValueCanonicalizer legacy(*id, {std::nullopt, true}, {});
  legacy.canonicalize(std::string_view("330106650412123"), v);
  CHECK(v.normalized_ok);
  CHECK(v.normalized == "330106196504121234");
  CHECK(v.key == "330106196504121234");
  legacy.canonicalize(std::string_view("3301 06x"), v);
  CHECK(!v.normalized_ok);
  CHECK(v.key == "330106X");  // the key form of a rejected value
  std::string key;
  norm::key_form("Ｒ １０", key);
  CHECK(key == "R10");
}
