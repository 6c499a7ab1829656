#include <doctest/doctest.h>

#include <string>

#include "rules/text/utf8.hpp"

using jiaohe::rules::text::invalid_text_at;
using jiaohe::rules::text::invalid_utf8_at;

TEST_CASE("well-formed UTF-8 passes, ASCII and CJK and 4-byte forms alike") {
  CHECK_FALSE(invalid_utf8_at(""));
  CHECK_FALSE(invalid_utf8_at("abc"));
  CHECK_FALSE(invalid_utf8_at("郭馨　（杭州）"));
  CHECK_FALSE(invalid_utf8_at("\xF0\x9F\x98\x80"));      // U+1F600
  CHECK_FALSE(invalid_utf8_at("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  CHECK_FALSE(invalid_utf8_at("\xEF\xBB\xBF"));          // U+FEFF
}

TEST_CASE("malformed UTF-8 is located at its first byte") {
  CHECK(invalid_utf8_at("\xff") == 0u);
  CHECK(invalid_utf8_at("ab\xfe") == 2u);
  CHECK(invalid_utf8_at("\xc0\xaf") == 0u);               // overlong '/'
  CHECK(invalid_utf8_at("\xe0\x80\xaf") == 0u);           // overlong, three bytes
  CHECK(invalid_utf8_at("x\xe4\xb8") == 1u);              // truncated 中
  CHECK(invalid_utf8_at("\xed\xa0\x80") == 0u);           // a UTF-16 surrogate
  CHECK(invalid_utf8_at("\xf4\x90\x80\x80") == 0u);       // above U+10FFFF
  CHECK(invalid_utf8_at("\x80") == 0u);                   // a lone continuation byte
  CHECK(invalid_utf8_at("中\xe4\xb8\x41") == 3u);         // a continuation byte missing
}

TEST_CASE("text for PostgreSQL also refuses NUL, at its position") {
  CHECK(invalid_text_at(std::string("d\0e", 3)) == 1u);
  CHECK(invalid_text_at(std::string("\xff\0", 2)) == 0u);
  CHECK_FALSE(invalid_text_at("plain"));
}
