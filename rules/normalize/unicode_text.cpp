#include "rules/normalize/unicode_text.hpp"

#include "rules/normalize/full_width.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace jiaohe::rules::normalize {
namespace {

constexpr char32_t kMiddleDot = 0x00B7;

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool is_white(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || c < 0x20 || c == 0x7F;
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR;
}

bool is_ignorable(char32_t c) {
  return c >= 0x80 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

// The dots people type between the parts of a transliterated minority name (买买提·艾力).
bool is_middle_dot(char32_t c) {
  switch (c) {
    case 0x00B7: case 0x0387: case 0x2022: case 0x2027: case 0x2219: case 0x22C5: case 0x2E31:
    case 0x30FB: case 0xFF65: case 0xA78F: case 0x16EB: case 0x1427:
      return true;
    default:
      return false;
  }
}

bool is_cjk(char32_t c) {
  if (c < 0x2E80) return false;
  UErrorCode error = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &error)) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_HANGUL: case USCRIPT_BOPOMOFO:
      return true;
    default:
      return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC);
  }
}

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(error);
    return U_SUCCESS(error) ? n : nullptr;
  }();
  return instance;
}

// NFKC into `out`; false when ICU cannot (then the caller folds the text as it is).
bool to_nfkc(std::string_view text, std::string& out) {
  const icu::Normalizer2* n = nfkc();
  if (!n) return false;
  out.clear();
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  UErrorCode error = U_ZERO_ERROR;
  n->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, error);
  return U_SUCCESS(error);
}

char32_t with_case(char32_t c, Case letter_case) {
  if (letter_case == Case::kUpper) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
    return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  }
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

}  // namespace

bool is_blank_char(char32_t c) { return is_white(c) || is_ignorable(c); }

bool is_blank(std::string_view text) {
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || !is_blank_char(static_cast<char32_t>(c))) return false;
  }
  return true;
}

std::string_view trim_blank(std::string_view text) {
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t begin = 0, end = 0;  // end: just after the last character that is not blank
  bool seen = false;
  std::int32_t i = 0;
  while (i < n) {
    const std::int32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c >= 0 && is_blank_char(static_cast<char32_t>(c))) continue;
    if (!seen) begin = at;
    seen = true;
    end = i;
  }
  return seen ? text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)) : std::string_view();
}

void fold_text(std::string_view text, const TextFold& fold, std::string& out) {
  thread_local std::string normalized;
  std::string_view source = text;
  if (!is_ascii(text) && to_nfkc(text, normalized)) source = normalized;
  out.clear();
  bool pending_space = false;
  char32_t previous = 0;  // the last character written, 0 at the start
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(source.size());
  while (i < n) {
    UChar32 raw;
    U8_NEXT(source.data(), i, n, raw);
    char32_t c = raw < 0 ? 0xFFFD : static_cast<char32_t>(raw);
    if (is_white(c)) {
      pending_space = previous != 0;
      continue;
    }
    if (is_ignorable(c)) continue;
    if (fold.middle_dots && is_middle_dot(c)) c = kMiddleDot;
    if (pending_space) {
      bool keep = fold.spaces == Spaces::kCollapse;
      if (fold.spaces == Spaces::kName)
        keep = !is_cjk(previous) && !is_cjk(c) && previous != kMiddleDot && c != kMiddleDot;
      if (keep) out.push_back(' ');
      pending_space = false;
    }
    if (fold.letter_case != Case::kKeep) c = with_case(c, fold.letter_case);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      append_utf8(out, c);
    }
    previous = c;
  }
}

std::string fold_text(std::string_view text, const TextFold& fold) {
  std::string out;
  fold_text(text, fold, out);
  return out;
}

}  // namespace jiaohe::rules::normalize
