#include "engine/util/instant_text.hpp"

#include <cctype>

namespace jiaohe::engine::util {
namespace {

using namespace std::chrono;

constexpr auto kShanghaiOffset = hours(8);

// Reads exactly `width` digits at `pos`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += width;
  return v;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<Instant> parse_instant(std::string_view text) {
  std::size_t pos = 0;
  const auto y = digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return std::nullopt;
  const auto m = digits(text, pos, 2);
  if (!m || !expect(text, pos, '-')) return std::nullopt;
  const auto d = digits(text, pos, 2);
  if (!d) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  seconds time_of_day{0};
  minutes offset = kShanghaiOffset;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    ++pos;
    const auto hh = digits(text, pos, 2);
    if (!hh || !expect(text, pos, ':')) return std::nullopt;
    const auto mm = digits(text, pos, 2);
    if (!mm) return std::nullopt;
    int ss = 0;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      const auto s = digits(text, pos, 2);
      if (!s) return std::nullopt;
      ss = *s;
    }
    if (*hh > 23 || *mm > 59 || ss > 59) return std::nullopt;
    time_of_day = hours(*hh) + minutes(*mm) + seconds(ss);
    if (pos < text.size()) {
      if (text[pos] == 'Z' && pos + 1 == text.size()) {
        offset = minutes(0);
        ++pos;
      } else if (text[pos] == '+' || text[pos] == '-') {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        const auto oh = digits(text, pos, 2);
        if (!oh || !expect(text, pos, ':')) return std::nullopt;
        const auto om = digits(text, pos, 2);
        if (!om || *oh > 14 || *om > 59 || pos != text.size()) return std::nullopt;
        offset = minutes(sign * (*oh * 60 + *om));
      } else {
        return std::nullopt;
      }
    }
  }
  return Instant{sys_days{date} + time_of_day - offset};
}

}  // namespace jiaohe::engine::util
