#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "rules/normalize/normalizer_registry.hpp"

using namespace jiaohe::rules::normalize;
using namespace std::chrono;

TEST_CASE("normalizer names are listed") {
  const auto names = normalizer_names();
  for (const char* n : {"text", "date", "phone", "casefold", "citizen_id", "credit_code"}) {
    CAPTURE(n);
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
    CHECK(find_normalizer(n) != nullptr);
  }
  CHECK(find_normalizer("nope") == nullptr);
}

TEST_CASE("normalize dispatches by name") {
  CHECK(normalize("text", "  浙江 ＡＢＣ  有限公司 ").value == "浙江 ABC 有限公司");
  CHECK(normalize("casefold", " Zhang.San@Example.COM ").value == "zhang.san@example.com");
  CHECK(normalize("date", "2020年1月2日").value == "2020-01-02");
  CHECK(normalize("phone", "+86 138 0013 8000").value == "13800138000");
  CHECK(normalize("citizen_id", "11010519491231002x").value == "11010519491231002X");
  CHECK(normalize("credit_code", "91110000600037341l").value == "91110000600037341L");
}

TEST_CASE("normalize reports reasons as values") {
  const auto bad_id = normalize("citizen_id", "110105194912310021");
  CHECK_FALSE(bad_id.ok);
  CHECK(bad_id.reason_code == "check_character");
  CHECK(bad_id.value.empty());
  CHECK_FALSE(bad_id.message.empty());
  CHECK(normalize("date", "2023-02-29").reason_code == "not_a_date");
  CHECK(normalize("credit_code", "9111000060003734IL").message.find("character 17") != std::string::npos);
}

TEST_CASE("normalize passes today and the legacy option to citizen IDs") {
  NormalizeContext context;
  context.today = year{1949} / December / 30;
  CHECK(normalize("citizen_id", "11010519491231002X", context).reason_code == "birth_date_future");
  context.today = year{2024} / June / 1;
  CHECK(normalize("citizen_id", "110105491231002", context).reason_code == "legacy_form");
  context.accept_legacy_15 = true;
  CHECK(normalize("citizen_id", "110105491231002", context).value == "11010519491231002X");
}

TEST_CASE("an unknown normalizer suggests the nearest name") {
  const auto r = normalize("phones", "13800138000");
  CHECK_FALSE(r.ok);
  CHECK(r.reason_code == "unknown_normalizer");
  CHECK(r.message.find("did you mean 'phone'") != std::string::npos);
}
