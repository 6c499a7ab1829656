#include <doctest/doctest.h>

#include "rules/text/suggest.hpp"

using jiaohe::rules::text::edit_distance;
using jiaohe::rules::text::nearest_name;

TEST_CASE("edit distance counts insertions deletions and substitutions") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("port", "prot") == 2);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("nearest name suggests plausible typos only") {
  const std::vector<std::string> keys = {"server.port", "server.host", "database.url"};
  CHECK(nearest_name("server.prot", keys) == "server.port");
  CHECK(nearest_name("databse.url", keys) == "database.url");
  CHECK_FALSE(nearest_name("colour", keys).has_value());
}
