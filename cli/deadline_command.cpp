// `jiaohe deadline`: the deadline arithmetic of engine/deadlines from the command line, for
// operators checking a date by hand and for scripts.
#include <iostream>

#include "cli/commands.hpp"
#include "engine/calendar/calendar_loader.hpp"
#include "engine/calendar/notice_coverage.hpp"
#include "engine/config/config.hpp"
#include "engine/deadlines/deadline_calculator.hpp"
#include "engine/error.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/tasks/task_deadline.hpp"

namespace jiaohe::cli {
namespace {

using engine::deadlines::TimeUnit;

// The ways of giving a limit; exactly one must be used.
constexpr std::pair<const char*, TimeUnit> kLimitFlags[] = {
    {"working-days", TimeUnit::kWorkingDays},
    {"natural-days", TimeUnit::kNaturalDays},
    {"hours", TimeUnit::kHours},
};

std::int64_t positive_number(const std::string& flag, const std::string& text) {
  const bool digits = !text.empty() && text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoll(text) == 0)
    throw UsageError("--" + flag + " expects a positive whole number (at most 6 digits), got '" + text + "'");
  return std::stoll(text);
}

// The reminder of a procedure's deadline (the profile's lead time), as the sweep sends it.
std::optional<engine::Instant> reminder_of(const engine::statute::StatuteProfile& profile,
                                           const engine::calendar::WorkingCalendar& calendar,
                                           const engine::deadlines::DeadlineBasis& basis) {
  return engine::tasks::replan_deadline(profile, calendar, basis).reminder;
}

// Where a task with this deadline stands at `at`, by the sweep's rules (engine/tasks/deadline_sweep).
std::string state_at(engine::Instant at, const engine::deadlines::Deadline& deadline,
                     std::optional<engine::Instant> reminder) {
  using engine::calendar::format_instant;
  std::string out = "at " + format_instant(at) + ": ";
  if (deadline.due <= at) return out + "overdue (unless answered by then)";
  out += "not yet due";
  if (reminder)
    out += *reminder <= at ? "; the reminder is due (" + format_instant(*reminder) + ")"
                           : "; the reminder comes at " + format_instant(*reminder);
  return out;
}

int run(const Command&, const ParsedArgs& args, const engine::Config& config) {
  if (!args.positionals.empty()) throw UsageError("deadline takes no arguments, got '" + args.positionals.front() + "'");
  const auto from_text = args.value("from");
  if (!from_text) throw UsageError("--from is required, e.g. --from 2026-09-30T16:00:00+08:00");
  std::string error;
  const auto receipt = engine::calendar::parse_instant(*from_text, &error);
  if (!receipt) throw UsageError("--from: " + error);

  int chosen = args.has("procedure") ? 1 : 0;
  for (const auto& [flag, unit] : kLimitFlags) chosen += args.has(flag) ? 1 : 0;
  if (chosen != 1)
    throw UsageError("give exactly one of --working-days, --natural-days, --hours or --procedure");
  if (args.has("extended") && !args.has("procedure")) throw UsageError("--extended needs --procedure");

  const auto calendar =
      engine::calendar::load_calendar(args.value("calendars").value_or(config.data_dir + "/calendars"));
  std::optional<engine::Instant> at;
  if (const auto at_text = args.value("at")) {
    at = engine::calendar::parse_instant(*at_text, &error, engine::calendar::InstantForm::kTyped);
    if (!at) throw UsageError("--at: " + error);
  }
  engine::deadlines::DeadlineBasis basis;
  std::optional<engine::statute::StatuteProfile> profile;
  if (auto name = args.value("procedure")) {
    profile = engine::statute::load_statute_profile(
        args.value("profile").value_or(config.data_dir + "/statutes/zhejiang-2022.json"));
    const engine::statute::Procedure* procedure = nullptr;
    try {
      procedure = &profile->procedure(*name);
    } catch (const engine::Error& e) {
      throw UsageError(std::string("--procedure: ") + e.what());  // a typo in the call, not a failure
    }
    basis = engine::statute::basis_for(*profile, *procedure, *receipt, args.has("extended"), calendar);
  } else {
    basis.receipt = *receipt;
    basis.calendar_version = calendar.version();
    for (const auto& [flag, unit] : kLimitFlags)
      if (auto v = args.value(flag)) basis.limit = {positive_number(flag, *v), unit};
  }
  const auto deadline = engine::deadlines::compute_deadline(calendar, basis);
  std::cout << engine::calendar::format_instant(deadline->due) << (deadline->provisional ? "\tprovisional" : "")
            << "\n";
  if (deadline->provisional) {
    const auto year = engine::calendar::first_uncovered_year(calendar, engine::calendar::local_day_of(*receipt),
                                                             engine::calendar::local_day_of(deadline->due));
    std::cerr << "jiaohe deadline: provisional: "
              << (year ? std::to_string(*year) : std::string("a year of the period"))
              << " has no State Council holiday notice in the calendar folder (weekdays minus the regulation's "
                 "fixed holidays were counted; docs/DEADLINES.md says how to add it)\n";
  }
  if (at)
    std::cout << state_at(*at, *deadline, profile ? reminder_of(*profile, calendar, basis) : std::nullopt) << "\n";
  return 0;
}

}  // namespace

Command deadline_command() {
  return {"deadline",
          "compute a statutory deadline",
          "",
          "Prints the deadline for a step received at --from as an ISO-8601 instant in China\n"
          "Standard Time. Day limits do not count the day of receipt and end at 24:00 of the last\n"
          "day, printed as 00:00:00+08:00 of the following day (the same instant). Working days\n"
          "follow the State Council notices in the calendar folder; a natural-day period ending on\n"
          "a rest day ends on the next working day (Civil Code Art. 203). A tab and 'provisional'\n"
          "follow when the period reaches a year no notice covers. With --at INSTANT a second line\n"
          "says where a task with this deadline stands then, as the sweep sees it: overdue, or not\n"
          "yet due and (with --procedure) whether its reminder is due. See docs/DEADLINES.md.",
          {{"from", "INSTANT", "receipt instant with an offset, e.g. 2026-09-30T16:00:00+08:00 or ...Z"},
           {"working-days", "N", "limit in working days"},
           {"natural-days", "N", "limit in natural days"},
           {"hours", "N", "limit in hours"},
           {"procedure", "NAME", "limit of a procedure of the statute profile, e.g. verify_dispute"},
           {"extended", "", "with --procedure: apply the procedure's full extension"},
           {"at", "INSTANT", "also say where a task with this deadline stands at INSTANT (overdue, reminder due)"},
           {"calendars", "DIR", "calendar folder (default: <data_dir>/calendars)"},
           {"profile", "FILE", "statute profile (default: <data_dir>/statutes/zhejiang-2022.json)"}},
          run};
}

}  // namespace jiaohe::cli
