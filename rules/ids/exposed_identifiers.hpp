#pragma once
// Personal identifiers left unmasked in free text (Art. 44 para. 3: personal data must not be
// opened unconditionally). Finds, in any text, a valid citizen identity number, a valid
// unified social credit code of an individual business (个体工商户: the code's first two
// characters are 9 and 2, GB 32100 table A.1, and such a code identifies a person), or a
// mainland mobile number. Pure and allocation-free: the scan runs it on every column of every
// row of a dataset that is published unconditionally.
//
// What counts (written from the definitions, tested case by case in
// tests/rules/ids/exposed_identifiers_test.cpp):
// - full-width digits and letters are folded first (an input method's "３３０１…" is the same
//   number); a lower-case x ends a citizen number as an upper-case X does;
// - a citizen number is a run of exactly 17 digits and a check character, not part of a longer
//   run of digits, that the GB 11643 validator accepts (region, birth date not after `today`,
//   check character); 15-digit numbers of before 1999 are not looked for (too many other
//   numbers have 15 digits);
// - a credit code is a run of exactly 18 letters and digits that GB 32100's validator accepts
//   and whose authority/type is 9/2;
// - a mobile number is 11 digits 1[3-9]xxxxxxxxx, written as one run or in up to three groups
//   separated by one space or hyphen ("138 0013 8000", "138-0013-8000"), optionally after
//   "+86" or "0086", and not part of a longer run of digits;
// - a masked value ("330102********7114", "138****8000") is not an identifier.
#include <chrono>
#include <cstdint>
#include <string_view>

namespace jiaohe::rules::ids {

enum class ExposedKind : std::uint8_t {
  kCitizenId = 1,
  kIndividualBusinessCode = 2,
  kMobile = 4,
};

// A set of ExposedKind bits.
using ExposedKinds = std::uint8_t;

// The kinds of identifier `text` contains (0: none). `today` is the scan's date in Shanghai:
// a "number" whose birth date lies after it is no citizen number.
ExposedKinds find_exposed(std::string_view text, std::chrono::year_month_day today);

// Stable snake_case name of one kind, for findings: "citizen_id", "individual_business_code",
// "mobile".
std::string_view exposed_kind_name(ExposedKind kind);

inline constexpr ExposedKind kExposedKinds[] = {ExposedKind::kCitizenId, ExposedKind::kIndividualBusinessCode,
                                                ExposedKind::kMobile};

}  // namespace jiaohe::rules::ids
