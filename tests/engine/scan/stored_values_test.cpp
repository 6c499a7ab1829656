// A full scan's comparison with the stored normalised values: found unchanged means not
// written again; what was not found again (changed, gone, forgotten) is deleted by row address.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/scan/stored_values.hpp"

using jiaohe::engine::scan::StoredValues;

namespace {

StoredValues stored() {
  StoredValues s;
  s.add("(0,1)\tr1\tperson.name\t330106199003070110\t张三");
  s.add("(0,2)\tr1\tperson.sex\t330106199003070110\t1");
  s.add("(7,12)\tr2\tperson.name\t330106199003070129\t李四");
  s.sort();
  return s;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("values found unchanged stay; changed and missing ones are gone by row address") {
  auto s = stored();
  REQUIRE(s.size() == 3);
  CHECK(s.unchanged("r1", "person.name", "330106199003070110", "张三"));
  CHECK_FALSE(s.unchanged("r1", "person.sex", "330106199003070110", "2"));  // changed value
  CHECK_FALSE(s.unchanged("r3", "person.name", "330106199003070137", "王五"));  // new record
  const auto gone = s.gone();
  CHECK(gone.size() == 2);
  CHECK(has(gone, "(0,2)"));   // the changed value
  CHECK(has(gone, "(7,12)"));  // r2 was not read again
}

TEST_CASE("the subject is part of the value: the same value under another subject is a change") {
  auto s = stored();
  CHECK_FALSE(s.unchanged("r1", "person.name", "330106199003070129", "张三"));
  CHECK(has(s.gone(), "(0,1)"));
}

TEST_CASE("a value found once counts once; a forgotten one goes even when found") {
  auto s = stored();
  CHECK(s.unchanged("r2", "person.name", "330106199003070129", "李四"));
  CHECK_FALSE(s.unchanged("r2", "person.name", "330106199003070129", "李四"));  // a second row with the same key
  s.forget("r2", "person.name");
  CHECK(has(s.gone(), "(7,12)"));
}

TEST_CASE("record keys and attributes do not run into each other") {
  StoredValues s;
  s.add("(1,1)\tab\tc\tS\tv");
  s.sort();
  CHECK_FALSE(s.unchanged("a", "bc", "S", "v"));
  CHECK(s.unchanged("ab", "c", "S", "v"));
}
