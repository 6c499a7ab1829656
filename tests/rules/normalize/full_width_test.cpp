#include <doctest/doctest.h>

#include "rules/normalize/full_width.hpp"

using namespace jiaohe::rules::normalize;

TEST_CASE("full width ASCII folds to half width") {
  CHECK(fold_full_width("ＡＢＣ１２３ａｂｃ") == "ABC123abc");
  CHECK(fold_full_width("！～") == "!~");
  CHECK(fold_full_width("张\u3000三") == "张 三");
  CHECK(fold_full_width("（浙江）有限公司") == "(浙江)有限公司");
}

TEST_CASE("folding keeps other text and malformed bytes") {
  CHECK(fold_full_width("杭州市西湖区") == "杭州市西湖区");
  CHECK(fold_full_width("plain ascii") == "plain ascii");
  CHECK(fold_full_width("") == "");
  const std::string broken = std::string("a\xE4\xB8") + "b";  // truncated UTF-8
  CHECK(fold_full_width(broken) == broken);
  const std::string cut = "\xEF\xBC";  // cut in the middle of a full-width character
  CHECK(fold_full_width(cut) == cut);
}

TEST_CASE("next_folded reports the bytes it consumed") {
  const std::string s = "１a";
  const FoldedChar f = next_folded(s, 0);
  CHECK(f.code_point == U'1');
  CHECK(f.length == 3);
  CHECK(next_folded(s, 3).code_point == U'a');
}
