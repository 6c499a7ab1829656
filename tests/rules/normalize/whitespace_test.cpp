#include <doctest/doctest.h>

#include "rules/normalize/casefold.hpp"
#include "rules/normalize/whitespace.hpp"

using namespace jiaohe::rules::normalize;

TEST_CASE("white space is trimmed and collapsed") {
  CHECK(collapse_whitespace("  Zhang \t San \r\n") == "Zhang San");
  CHECK(collapse_whitespace("杭州市  西湖区") == "杭州市 西湖区");
  CHECK(collapse_whitespace(" \t ") == "");
  CHECK(trim("  a b  ") == "a b");
}

TEST_CASE("ASCII case folding leaves Chinese alone") {
  CHECK(casefold_ascii("Zhang.San@Example.COM") == "zhang.san@example.com");
  CHECK(casefold_ascii("浙A·12345") == "浙a·12345");
}
