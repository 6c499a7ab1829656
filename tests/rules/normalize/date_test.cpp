#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "rules/normalize/date.hpp"

using namespace jiaohe::rules::normalize;

namespace {
std::string iso(const std::string& text) { return std::string(normalize_date(text).value()); }
DateReason reason_of(const std::string& text) { return normalize_date(text).reason; }
}  // namespace

TEST_CASE("dates in common forms become ISO") {
  CHECK(iso("2020-01-02") == "2020-01-02");
  CHECK(iso("2020/1/2") == "2020-01-02");
  CHECK(iso("2020.1.2") == "2020-01-02");
  CHECK(iso("20200102") == "2020-01-02");
  CHECK(iso("2020年1月2日") == "2020-01-02");
  CHECK(iso("2020年1月2") == "2020-01-02");
  CHECK(iso("2020年12月31日") == "2020-12-31");
}

TEST_CASE("messy dates from real records") {
  CHECK(iso(" 2020 年 1 月 2 日 ") == "2020-01-02");
  CHECK(iso("２０２０年０１月０２日") == "2020-01-02");
  CHECK(iso("２０２０－０１－０２") == "2020-01-02");
  CHECK(iso("\u30002020/01/02\u3000") == "2020-01-02");
  CHECK(iso("2020 - 1 - 2") == "2020-01-02");
}

TEST_CASE("every date reason code is reachable") {
  CHECK(reason_of("") == DateReason::kEmpty);
  CHECK(reason_of(" \u3000 ") == DateReason::kEmpty);
  CHECK(reason_of("yesterday") == DateReason::kFormat);
  CHECK(reason_of("2020-1/2") == DateReason::kFormat);
  CHECK(reason_of("2020年1月2日x") == DateReason::kFormat);
  CHECK(reason_of("2020-01-02-03") == DateReason::kFormat);
  CHECK(reason_of("20-1-2") == DateReason::kFormat);
  CHECK(reason_of("2020102") == DateReason::kFormat);
  CHECK(reason_of("2020-001-02") == DateReason::kFormat);
  CHECK(reason_of("2023-02-29") == DateReason::kNotADate);
  CHECK(reason_of("20201301") == DateReason::kNotADate);
  CHECK(reason_of("2020年4月31日") == DateReason::kNotADate);
  CHECK(reason_code(DateReason::kNotADate) == "not_a_date");
  CHECK_FALSE(reason_message(DateReason::kFormat).empty());
}

TEST_CASE("leap days in dates") {
  CHECK(reason_of("1900-02-29") == DateReason::kNotADate);
  CHECK(iso("2000-02-29") == "2000-02-29");
  CHECK(iso("2004/2/29") == "2004-02-29");
  CHECK(reason_of("20230229") == DateReason::kNotADate);
}

TEST_CASE("date_of parses the ISO value back") {
  using namespace std::chrono;
  CHECK(date_of(normalize_date("2020年1月2日")) == year{2020} / January / 2);
}
