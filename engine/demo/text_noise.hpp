#pragma once
// How agencies write the same value differently, without it being wrong: the harmless variants
// of the demo province (docs/DEMO.md). Every one must normalise to the clean value
// (docs/CATALOGUE.md, "How a value is normalised"), so a scan finds nothing on it. Also the
// plain text forms the generator writes values in.
#include <chrono>
#include <string>
#include <string_view>

#include "engine/demo/dice.hpp"

namespace jiaohe::engine::demo {

std::string iso_date(std::chrono::year_month_day d);      // 1990-03-07
std::string compact_date(std::chrono::year_month_day d);  // 19900307
std::string instant_text(std::chrono::sys_seconds t);     // 2026-01-02 03:04:05+00 (UTC)
std::string local_time_text(std::chrono::sys_seconds t);  // 2026-01-02 11:04:05 (Asia/Shanghai)

// Full-width forms of ASCII digits and letters, as Chinese input methods type them.
std::string to_full_width(std::string_view text);

// A harmless variant and what it is (the variant class recorded for the tests).
struct Variant {
  std::string text;
  std::string_view variant;  // empty: the value as it is
};

// Dates as 民政 offices write them: 1990/3/7, 1990年3月7日, 19900307, 1990-03-07, 1990.03.07,
// sometimes with full-width digits.
Variant loose_date(std::chrono::year_month_day d, Dice& dice);
// Person names with U+3000 or NBSP padding, or a space between the characters.
Variant noisy_person_name(const std::string& name, Dice& dice);
// Organisation names with full-width digits/letters, brackets of the other width, spaces.
Variant noisy_org_name(const std::string& name, Dice& dice);
// Phones with +86, 0086, spaces, dashes or full-width digits.
Variant noisy_phone(const std::string& phone, Dice& dice);
// Identifiers with full-width characters or lower-case letters (x, credit code letters).
Variant noisy_identifier(const std::string& id, Dice& dice);
// Sex codes as an agency using 1/2 or M/F writes them (case, width, padding).
Variant noisy_sex_code(bool male, bool letters, Dice& dice);

}  // namespace jiaohe::engine::demo
