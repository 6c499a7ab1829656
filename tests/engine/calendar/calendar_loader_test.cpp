#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/error.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine::calendar;
namespace fs = std::filesystem;

namespace {

// A calendar folder holding the shipped fixed holidays plus the given files.
fs::path calendar_dir(const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path dir = jiaohe::testing::make_temp_dir("calendar");
  fs::copy_file(fs::path(jiaohe::testing::source_dir()) / "data/calendars" / kFixedHolidaysFile,
                dir / kFixedHolidaysFile);
  for (const auto& [name, text] : files) std::ofstream(dir / name) << text;
  return dir;
}

std::string notice(const std::string& years, const std::string& holidays, const std::string& extra = "") {
  return R"({"title": "t", "number": "n", "published": "2024-11-12", "years": )" + years + extra +
         R"(, "holidays": )" + holidays + "}";
}

// 2025's fixed holidays, so that notices in these tests pass the fixed-holiday check.
const std::string kFixed2025 =
    R"({"name": "fixed", "rest_days": ["2025-01-01", "2025-05-01/2025-05-02", "2025-10-01/2025-10-03"]})";

std::string load_error(const fs::path& dir) {
  try {
    load_calendar(dir);
  } catch (const jiaohe::engine::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a date listed twice is named with its file") {
  const auto dir = calendar_dir({{"2025.json", notice("[2025]", "[" + kFixed2025 +
      R"(, {"name": "x", "rest_days": ["2025-02-03", "2025-02-01/2025-02-04"]}])")}});
  const auto msg = load_error(dir);
  CHECK(msg.find("2025.json") != std::string::npos);
  CHECK(msg.find("2025-02-03 is listed twice") != std::string::npos);
}

TEST_CASE("a rest day that is also a make-up working day is rejected") {
  const auto dir = calendar_dir({{"2025.json", notice("[2025]", "[" + kFixed2025 +
      R"(, {"name": "x", "rest_days": ["2025-02-08"], "working_days": ["2025-02-08"]}])")}});
  const auto msg = load_error(dir);
  CHECK(msg.find("2025.json") != std::string::npos);
  CHECK(msg.find("2025-02-08 is both a rest day and a make-up working day") != std::string::npos);
}

TEST_CASE("overlapping notices that disagree are rejected unless one amends the other") {
  const std::string a = notice("[2025]", "[" + kFixed2025 + R"(, {"name": "x", "working_days": ["2025-02-08"]}])");
  const std::string b = notice("[2025]", R"([{"name": "y", "rest_days": ["2025-02-08"]}])");
  const auto msg = load_error(calendar_dir({{"2025.json", a}, {"2025-extra.json", b}}));
  CHECK(msg.find("2025-extra.json and ") != std::string::npos);
  CHECK(msg.find("/2025.json") != std::string::npos);
  CHECK(msg.find("disagree on 2025-02-08") != std::string::npos);

  const std::string amending =
      notice("[2025]", R"([{"name": "y", "rest_days": ["2025-02-08"]}])", R"(, "amends": "2025")");
  const auto cal = load_calendar(calendar_dir({{"2025.json", a}, {"2025-amendment.json", amending}}));
  CHECK_FALSE(cal.is_working_day(*parse_date("2025-02-08")));
}

TEST_CASE("an amendment naming an unknown notice suggests the nearest") {
  const auto dir = calendar_dir({{"2025.json", notice("[2025]", "[" + kFixed2025 + "]")},
                                 {"2025-b.json", notice("[2025]", "[]", R"(, "amends": "2025x")")}});
  const auto msg = load_error(dir);
  CHECK(msg.find("2025-b.json") != std::string::npos);
  CHECK(msg.find("did you mean \"2025\"") != std::string::npos);
}

TEST_CASE("malformed dates and unknown keys are named") {
  auto msg = load_error(calendar_dir({{"2025.json", notice("[2025]", R"([{"name": "x", "rest_days": ["2025-02-30"]}])")}}));
  CHECK(msg.find("2025.json") != std::string::npos);
  CHECK(msg.find("malformed date \"2025-02-30\"") != std::string::npos);

  msg = load_error(calendar_dir({{"2025.json", notice("[2025]", R"([{"name": "x", "rest_day": ["2025-02-03"]}])")}}));
  CHECK(msg.find("holidays[0]: unknown key \"rest_day\"") != std::string::npos);
  CHECK(msg.find("did you mean \"rest_days\"") != std::string::npos);
}

TEST_CASE("a make-up working day must be a weekend day") {
  const auto msg = load_error(calendar_dir({{"2025.json", notice("[2025]", "[" + kFixed2025 +
      R"(, {"name": "x", "working_days": ["2025-02-05"]}])")}}));
  CHECK(msg.find("2025-02-05 is a make-up working day but not a Saturday or Sunday") != std::string::npos);
}

TEST_CASE("a notice missing a fixed holiday is rejected") {
  const auto msg = load_error(calendar_dir({{"2025.json", notice("[2025]", R"([{"name": "x", "rest_days": ["2025-01-01"]}])")}}));
  CHECK(msg.find("2025-05-01 is fixed as a holiday") != std::string::npos);
}

TEST_CASE("a notice may reach into the previous December") {
  const auto cal = load_calendar(calendar_dir({{"2025.json", notice("[2025]", "[" + kFixed2025 +
      R"(, {"name": "x", "rest_days": ["2024-12-31"]}])")}}));
  CHECK_FALSE(cal.is_working_day(*parse_date("2024-12-31")));
  CHECK_FALSE(cal.is_covered(2024));
}

TEST_CASE("the version changes when a file changes") {
  const std::string a = notice("[2025]", "[" + kFixed2025 + "]");
  const auto v1 = load_calendar(calendar_dir({{"2025.json", a}})).version();
  const auto v2 = load_calendar(calendar_dir({{"2025.json", a}})).version();
  const auto v3 = load_calendar(calendar_dir({{"2025.json", a + "\n"}})).version();
  CHECK(v1 == v2);
  CHECK(v1 != v3);
  CHECK(v1.size() == 64);
}
