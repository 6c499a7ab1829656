#include "engine/demo/text_noise.hpp"

#include <cstdio>

namespace jiaohe::engine::demo {
namespace {

using namespace std::chrono;

std::string two_digits(unsigned v) {
  char buf[3];
  std::snprintf(buf, sizeof buf, "%02u", v % 100);
  return buf;
}

std::string clock_text(sys_seconds t) {
  const auto day = floor<days>(t);
  const hh_mm_ss<seconds> time{t - day};
  return iso_date(year_month_day{day}) + " " + two_digits(static_cast<unsigned>(time.hours().count())) + ":" +
         two_digits(static_cast<unsigned>(time.minutes().count())) + ":" +
         two_digits(static_cast<unsigned>(time.seconds().count()));
}

constexpr std::string_view kIdeographicSpace = "\u3000";
constexpr std::string_view kNoBreakSpace = "\u00a0";

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The first ASCII bracket pair of `name` in full width, or the full-width pair in ASCII.
std::string other_brackets(const std::string& name) {
  std::string out = name;
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"（", "("}, {"）", ")"}})
    for (std::size_t at; (at = out.find(from)) != std::string::npos;) out.replace(at, from.size(), to);
  return out;
}

}  // namespace

std::string iso_date(year_month_day d) {
  return std::to_string(static_cast<int>(d.year())) + "-" + two_digits(static_cast<unsigned>(d.month())) + "-" +
         two_digits(static_cast<unsigned>(d.day()));
}

std::string compact_date(year_month_day d) {
  return std::to_string(static_cast<int>(d.year())) + two_digits(static_cast<unsigned>(d.month())) +
         two_digits(static_cast<unsigned>(d.day()));
}

std::string instant_text(sys_seconds t) { return clock_text(t) + "+00"; }
std::string local_time_text(sys_seconds t) { return clock_text(t + hours(8)); }

std::string to_full_width(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      const char32_t cp = static_cast<char32_t>(c) - 0x21 + 0xFF01;
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Variant loose_date(year_month_day d, Dice& dice) {
  const std::string y = std::to_string(static_cast<int>(d.year()));
  const std::string m = std::to_string(static_cast<unsigned>(d.month()));
  const std::string day = std::to_string(static_cast<unsigned>(d.day()));
  switch (dice.uniform(0, 9)) {
    case 0: return {y + "/" + m + "/" + day, "date 1990/1/2"};
    case 1: return {y + "年" + m + "月" + day + "日", "date 1990年1月2日"};
    case 2: return {compact_date(d), "date 19900102"};
    case 3: return {y + "." + two_digits(static_cast<unsigned>(d.month())) + "." +
                        two_digits(static_cast<unsigned>(d.day())), "date 1990.01.02"};
    case 4: return {to_full_width(iso_date(d)), "date with full-width digits"};
    default: return {iso_date(d), ""};
  }
}

Variant noisy_person_name(const std::string& name, Dice& dice) {
  switch (dice.uniform(1, 25)) {
    case 1: return {std::string(kIdeographicSpace) + name, "name padded with U+3000"};
    case 2: return {name + std::string(kNoBreakSpace), "name padded with NBSP"};
    case 3: return {" " + name + " ", "name padded with spaces"};
    case 4: {
      // A space after the surname, as some forms have two boxes: 郭 馨.
      const std::size_t surname = 3;  // one UTF-8 CJK character
      if (name.size() > surname) return {name.substr(0, surname) + " " + name.substr(surname), "inner space in a name"};
      return {name, ""};
    }
    default: return {name, ""};
  }
}

Variant noisy_org_name(const std::string& name, Dice& dice) {
  switch (dice.uniform(1, 10)) {
    case 1: return {to_full_width(name), "full-width digits and letters in a name"};
    case 2:
      if (other_brackets(name) != name) return {other_brackets(name), "brackets ( where the register has （"};
      return {name, ""};
    case 3: return {name + std::string(kIdeographicSpace), "name padded with U+3000"};
    case 4: return {name.substr(0, 6) + " " + name.substr(6), "space inside an organisation name"};
    default: return {name, ""};
  }
}

Variant noisy_phone(const std::string& phone, Dice& dice) {
  switch (dice.uniform(1, 10)) {
    case 1: return {"+86 " + phone, "phone +86"};
    case 2: return {"0086" + phone, "phone 0086"};
    case 3: return {phone.substr(0, 3) + "-" + phone.substr(3, 4) + "-" + phone.substr(7), "phone with dashes"};
    case 4: return {phone.substr(0, 3) + " " + phone.substr(3, 4) + " " + phone.substr(7), "phone with spaces"};
    case 5: return {to_full_width(phone), "phone with full-width digits"};
    default: return {phone, ""};
  }
}

Variant noisy_identifier(const std::string& id, Dice& dice) {
  switch (dice.uniform(1, 20)) {
    case 1: return {to_full_width(id), "full-width identifier"};
    case 2:
      if (lower(id) != id) return {lower(id), "lower-case letters in an identifier"};
      return {id, ""};
    case 3: return {id + std::string(kIdeographicSpace), "identifier padded with U+3000"};
    default: return {id, ""};
  }
}

Variant noisy_sex_code(bool male, bool letters, Dice& dice) {
  const std::string code = letters ? (male ? "M" : "F") : (male ? "1" : "2");
  switch (dice.uniform(1, 10)) {
    case 1: return {lower(code), letters ? "sex code in lower case" : ""};
    case 2: return {to_full_width(code), "full-width sex code"};
    case 3: return {" " + code, "sex code padded with a space"};
    default: return {code, ""};
  }
}

}  // namespace jiaohe::engine::demo
