#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/deadlines/deadline_calculator.hpp"
#include "engine/error.hpp"
#include "engine/statute/statute_profile.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine;
using namespace jiaohe::engine::statute;
using calendar::format_instant;

namespace {

const calendar::WorkingCalendar& shipped() {
  static const auto cal = calendar::load_calendar(jiaohe::testing::source_dir() + "/data/calendars");
  return cal;
}

StatuteProfile zhejiang() { return load_statute_profile(jiaohe::testing::source_dir() + "/data/statutes/zhejiang-2022.json"); }
StatuteProfile example() {
  return load_statute_profile(jiaohe::testing::source_dir() + "/tests/data/statutes/example-province.json");
}

std::string due_of(const StatuteProfile& p, const std::string& procedure, const char* receipt, bool extended) {
  const auto b = basis_for(p, p.procedure(procedure), *calendar::parse_instant(receipt), extended, shipped());
  return format_instant(deadlines::compute_deadline(shipped(), b)->due);
}

// Writes the Zhejiang profile with `from` replaced by `to`, and returns the load error.
std::string error_with(const std::string& from, const std::string& to) {
  std::ifstream in(jiaohe::testing::source_dir() + "/data/statutes/zhejiang-2022.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  const auto path = std::filesystem::path(jiaohe::testing::make_temp_dir("statute")) / "broken.json";
  std::ofstream(path) << text;
  try {
    load_statute_profile(path);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the Zhejiang profile holds the six procedures of Art. 19 44 and 47") {
  const auto p = zhejiang();
  CHECK(p.id == "zhejiang-2022");
  CHECK(p.procedures.size() == 6);
  const auto& verify = p.procedure("verify_dispute");
  CHECK(verify.limit == deadlines::TimeLimit{5, deadlines::TimeUnit::kWorkingDays});
  CHECK(verify.extension->form == deadlines::ExtensionForm::kTo);
  CHECK(verify.extension->amount == 10);
  CHECK(verify.extension->approver == "agency_head");
  CHECK(verify.on_overdue == "rectify");
  CHECK(p.procedure("forward_dispute").then == "verify_dispute");
  CHECK(p.procedure("verify_withdrawal").limit == deadlines::TimeLimit{24, deadlines::TimeUnit::kImmediately});
  CHECK(p.procedure("rectify").article == "Art. 47");
}

TEST_CASE("verify_dispute takes 5 working days and 10 when extended") {
  const auto p = zhejiang();
  CHECK(due_of(p, "verify_dispute", "2025-09-26T10:00:00+08:00", false) == "2025-10-11T00:00:00+08:00");
  CHECK(due_of(p, "verify_dispute", "2025-09-26T10:00:00+08:00", true) == "2025-10-17T00:00:00+08:00");
  CHECK(due_of(p, "verify_withdrawal", "2025-09-26T10:00:00+08:00", false) == "2025-09-27T10:00:00+08:00");
  CHECK_THROWS_WITH_AS(due_of(p, "review", "2025-09-26T10:00:00+08:00", true), doctest::Contains("allows no extension"),
                       Error);
  CHECK_THROWS_WITH_AS(p.procedure("verify_dispte"), doctest::Contains("did you mean \"verify_dispute\""), Error);
}

TEST_CASE("reminders come the lead time before the due instant") {
  const auto p = zhejiang();
  const auto& verify = p.procedure("verify_dispute");
  const auto d = deadlines::compute_deadline(
      shipped(), basis_for(p, verify, *calendar::parse_instant("2025-09-26T10:00:00+08:00"), false, shipped()));
  // Due at the end of 10-10 (Fri); one working day before is the end of 10-09.
  CHECK(format_instant(*reminder_at(verify, *d, shipped())) == "2025-10-10T00:00:00+08:00");
}

TEST_CASE("a second province with by and at-most extensions natural days and hours needs no code change") {
  const auto p = example();
  CHECK(p.id == "example-province-2030");
  // 20 natural days from 2025-09-11 end on 10-01 (a holiday): moved to 10-09.
  CHECK(due_of(p, "licence_decision", "2025-09-11T10:00:00+08:00", false) == "2025-10-10T00:00:00+08:00");
  // Extended BY 10: 30 natural days end on 10-11, a make-up Saturday that is a working day.
  CHECK(due_of(p, "licence_decision", "2025-09-11T10:00:00+08:00", true) == "2025-10-12T00:00:00+08:00");
  // 20 working days, extended by at most 20: 40 working days in all.
  const auto& reply = p.procedure("disclosure_reply");
  auto b = basis_for(p, reply, *calendar::parse_instant("2025-09-26T10:00:00+08:00"), true, shipped());
  CHECK(b.extension->form == deadlines::ExtensionForm::kAtMost);
  CHECK(deadlines::compute_deadline(shipped(), b)->effective_limit.amount == 40);
  b.extension->amount = 7;  // a smaller request is allowed
  CHECK(deadlines::compute_deadline(shipped(), b)->effective_limit.amount == 27);
  CHECK(due_of(p, "urgent_check", "2025-09-30T22:00:00+08:00", false) == "2025-10-02T22:00:00+08:00");
  CHECK(due_of(p, "suspend", "2025-09-30T22:00:00+08:00", false) == "2025-10-01T00:00:00+08:00");
}

TEST_CASE("broken profiles name the file the procedure and the field") {
  auto msg = error_with("\"on_overdue\": \"rectify\"", "\"on_overdue\": \"rectfy\"");
  CHECK(msg.find("broken.json: procedures.verify_dispute") != std::string::npos);
  CHECK(msg.find("did you mean \"rectify\"") != std::string::npos);

  msg = error_with("\"reminder\": {\"amount\": 1", "\"remindr\": {\"amount\": 1");
  CHECK(msg.find("procedures.verify_dispute: unknown key \"remindr\"") != std::string::npos);
  CHECK(msg.find("did you mean \"reminder\"") != std::string::npos);

  msg = error_with("\"unit\": \"working_days\", \"set_by\": \"statute\"}", "\"unit\": \"workdays\", \"set_by\": \"statute\"}");
  CHECK(msg.find("procedures.verify_dispute.limit") != std::string::npos);
  CHECK(msg.find("\"unit\" is \"workdays\"") != std::string::npos);

  msg = error_with("\"form\": \"to\", \"amount\": 10", "\"form\": \"to\", \"amount\": 4");
  CHECK(msg.find("must exceed the limit of 5") != std::string::npos);

  msg = error_with("\"actor\": \"authority\"", "\"actor\": \"authorty\"");
  CHECK(msg.find("did you mean \"authority\"") != std::string::npos);
}
