// What a person watching a scan reads (issue 17.6): one line per phase, an ETA from the rate
// so far that never claims 0 s while rows are still coming, an overall share that only grows
// and reaches 100% at the end. Time is moved by the test.
#include <doctest/doctest.h>

#include "engine/scan/progress_lines.hpp"

using namespace jiaohe::engine::scan;
using namespace std::chrono_literals;

namespace {

const ProgressLines::Time t0{};

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("reading shows rows of the estimate, the rate and the ETA the rate gives") {
  ProgressLines p;
  p.planned({{{"a", 1000}, {"b", 3000}}, 2});
  p.dataset_started("a", 1000, t0);
  p.rows_read("a", 250, t0 + 1s);
  // 250 rows/s, 750 rows to go: 3 s.
  CHECK(p.live(t0 + 1s) == "[  3%] reading a: 250 of ~1,000 rows, 250 rows/s, ETA 3 s");
  p.rows_read("a", 500, t0 + 4s);  // slower now: 125 rows/s over the 4 s so far, 500 to go
  CHECK(contains(p.live(t0 + 4s), "125 rows/s, ETA 4 s"));
}

TEST_CASE("an estimate that is unknown or already exceeded gives no ETA rather than 0 s") {
  ProgressLines p;
  p.planned({{{"a", 0}}, 0});
  p.dataset_started("a", 0, t0);
  p.rows_read("a", 5000, t0 + 2s);
  CHECK(p.live(t0 + 2s) == "[  0%] reading a: 5,000 rows, 2,500 rows/s, ETA ?");

  ProgressLines q;
  q.planned({{{"a", 1000}}, 0});
  q.dataset_started("a", 1000, t0);
  q.rows_read("a", 1200, t0 + 1s);
  CHECK(contains(q.live(t0 + 1s), "1,200 of ~1,000 rows"));
  CHECK(contains(q.live(t0 + 1s), "ETA ?"));
  CHECK_FALSE(contains(q.live(t0 + 1s), "ETA 0"));
}

TEST_CASE("each phase leaves one line, in order, and the share grows to 100% only at the end") {
  ProgressLines p;
  p.planned({{{"a", 1000}, {"b", 1000}}, 2});
  double last = 0;
  std::vector<std::string> lines;
  const auto step = [&](auto&& f) {
    f();
    CHECK(p.share() >= last);
    last = p.share();
    for (auto& l : p.take_finished()) lines.push_back(l);
  };
  step([&] { p.dataset_started("a", 1000, t0); });
  step([&] { p.rows_read("a", 1000, t0 + 1s); });
  step([&] { p.dataset_finished("a", 1000, t0 + 2s); });
  step([&] { p.dataset_started("b", 1000, t0 + 2s); });
  step([&] { p.dataset_finished("b", 1000, t0 + 3s); });
  step([&] { p.phase(kPhaseSetRules, t0 + 3s); });
  step([&] { p.set_rule_started("R1", "a", t0 + 3s); });
  CHECK(p.live(t0 + 4s) == "[ 60%] set rule 1 of 2: R1 on a, 1.0 s");
  step([&] { p.set_rule_started("R2", "", t0 + 5s); });
  step([&] { p.phase(kPhaseMerge, t0 + 6s); });
  CHECK(p.live(t0 + 7s) == "[ 85%] merging findings, 1.0 s");
  step([&] { p.phase(kPhaseTasks, t0 + 8s); });
  CHECK(starts_with(p.live(t0 + 8s), "[ 95%] opening tasks"));
  CHECK(p.share() < 1);
  step([&] { p.finished(t0 + 9s); });
  CHECK(p.share() == 1);
  CHECK(p.live(t0 + 9s) == "");
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "[ 30%] read a: 1,000 rows in 2.0 s (500 rows/s)");
  CHECK(lines[1] == "[ 60%] read b: 1,000 rows in 1.0 s (1,000 rows/s)");
  CHECK(lines[2] == "[ 72%] set rule 1 of 2: R1 on a in 2.0 s");
  CHECK(lines[3] == "[ 85%] set rule 2 of 2: R2 on every dataset in 1.0 s");
  CHECK(lines[4] == "[ 95%] merged findings in 2.0 s");
  CHECK(lines[5] == "[100%] opened tasks in 1.0 s");
}

TEST_CASE("after its reading a dataset's values are stored on a line of their own") {
  ProgressLines p;
  p.planned({{{"a", 1000}}, 0});
  p.dataset_started("a", 1000, t0);
  p.rows_read("a", 1000, t0 + 1s);
  p.dataset_storing("a", t0 + 1s);
  CHECK(p.live(t0 + 3s) == "[ 60%] storing a's values, 2.0 s");  // no ETA left claiming 0 s
  p.dataset_finished("a", 1000, t0 + 5s);
  const auto lines = p.take_finished();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "[ 60%] read a: 1,000 rows in 1.0 s (1,000 rows/s)");
  CHECK(lines[1] == "[ 60%] stored a's values in 4.0 s");
}

TEST_CASE("datasets weigh by their estimated rows in the overall share") {
  ProgressLines p;
  p.planned({{{"small", 1000}, {"large", 3000}}, 0});
  p.dataset_started("small", 1000, t0);
  p.dataset_finished("small", 1000, t0 + 1s);
  CHECK(p.share() == doctest::Approx(0.15));  // a quarter of the rows, of the reading's 60%
  p.dataset_started("large", 3000, t0 + 1s);
  p.rows_read("large", 1500, t0 + 2s);
  CHECK(p.share() == doctest::Approx(0.15 + 0.225));
}

TEST_CASE("numbers are grouped by thousands") {
  CHECK(grouped(0) == "0");
  CHECK(grouped(999) == "999");
  CHECK(grouped(1000) == "1,000");
  CHECK(grouped(1234567) == "1,234,567");
}

// Two workers read two datasets at once: each has its part of the live line and its own
// finished lines, the share counts both, and one finishing leaves the other's reading intact.
TEST_CASE("datasets read at the same time each keep their own progress") {
  ProgressLines p;
  p.planned({{{"a", 1000}, {"b", 3000}}, 1});
  p.dataset_started("a", 1000, t0);
  p.dataset_started("b", 3000, t0);
  p.rows_read("a", 500, t0 + 1s);
  p.rows_read("b", 1500, t0 + 1s);
  // Half of each: half of the reading's 60%.
  CHECK(p.share() == doctest::Approx(0.30));
  CHECK(p.live(t0 + 1s) ==
        "[ 30%] reading a: 500 of ~1,000 rows, 500 rows/s, ETA 1 s | reading b: 1,500 of ~3,000 rows, 1,500 rows/s, ETA 1 s");
  p.rows_read("a", 1000, t0 + 2s);
  p.dataset_storing("a", t0 + 2s);
  p.rows_read("b", 2000, t0 + 2s);  // a's storing does not end b's reading
  CHECK(p.live(t0 + 3s) == "[ 45%] storing a's values, 1.0 s | reading b: 2,000 of ~3,000 rows, 1,000 rows/s, ETA 1 s");
  p.dataset_finished("a", 1000, t0 + 3s);
  p.dataset_finished("b", 3000, t0 + 4s);
  const auto lines = p.take_finished();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "[ 37%] read a: 1,000 rows in 2.0 s (500 rows/s)");  // b's 1,500 rows counted
  CHECK(lines[1] == "[ 45%] stored a's values in 1.0 s");
  CHECK(lines[2] == "[ 60%] read b: 3,000 rows in 4.0 s (750 rows/s)");
  CHECK(p.live(t0 + 4s) == "");
}

TEST_CASE("a dataset another process finished is closed by the next phase, and a second reading replaces the first") {
  ProgressLines p;
  p.planned({{{"a", 1000}, {"b", 1000}}, 1});
  p.dataset_started("a", 1000, t0);
  p.rows_read("a", 400, t0 + 1s);
  p.dataset_started("a", 1000, t0 + 2s);  // its unit claimed again: the first attempt leaves no line
  p.rows_read("a", 100, t0 + 3s);
  CHECK(p.live(t0 + 3s) == "[  3%] reading a: 100 of ~1,000 rows, 100 rows/s, ETA 9 s");
  CHECK(p.take_finished().empty());
  p.dataset_started("b", 1000, t0 + 3s);
  p.dataset_storing("b", t0 + 4s);  // b's unit lost here; another process stages it
  p.dataset_finished("a", 1000, t0 + 5s);
  p.phase(kPhaseSetRules, t0 + 6s);
  const auto lines = p.take_finished();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "[ 33%] read b: 0 rows in 1.0 s (0 rows/s)");
  CHECK(lines[1] == "[ 60%] read a: 1,000 rows in 3.0 s (333 rows/s)");
  CHECK(lines[2] == "[ 60%] stored b's values in 2.0 s");
  CHECK(p.live(t0 + 6s) == "");
}
