#pragma once
// A statute profile: for each kind of task, who acts, its time limit, how it may be extended,
// when to remind and what follows when it goes overdue. Loaded from data/statutes/<id>.json
// so that another province's statute is a data file, not code.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "engine/calendar/working_calendar.hpp"
#include "engine/deadlines/deadline.hpp"
#include "engine/deadlines/deadline_basis.hpp"

namespace jiaohe::engine::statute {

struct ExtensionPolicy {
  deadlines::ExtensionForm form = deadlines::ExtensionForm::kTo;
  std::int64_t amount = 0;  // the total (to), the addition (by) or the maximum (at_most)
  std::string approver;     // role that approves, e.g. "agency_head"
  std::string article;
};

struct Procedure {
  std::string id;
  std::string article;          // where the limit comes from, e.g. "Art. 19 ¶1"
  std::string actor;            // "agency" or "authority"
  deadlines::TimeLimit limit;   // immediately: amount is the profile's immediately_hours
  std::string limit_set_by;     // "statute", "profile" (a default) or "authority" (per rule/case)
  std::optional<ExtensionPolicy> extension;
  std::optional<deadlines::TimeLimit> reminder;  // lead time before the due instant
  std::string on_overdue;       // procedure started when overdue (e.g. "rectify"), or empty
  std::string then;             // procedure timed from this one's completion, or empty
};

struct StatuteProfile {
  std::string id;
  std::string version;
  std::string title;
  std::int64_t immediately_hours = 0;
  std::map<std::string, Procedure> procedures;

  // The named procedure; throws engine::Error(kNotFound) suggesting the nearest name.
  const Procedure& procedure(const std::string& name) const;
};

// Loads and validates a profile; errors name the file, the procedure and the field.
StatuteProfile load_statute_profile(const std::filesystem::path& file);

// The deadline inputs for a step of `procedure` received at `receipt`. `extended` applies the
// procedure's extension in full (to its total, by its amount, or at most its maximum).
deadlines::DeadlineBasis basis_for(const StatuteProfile& profile, const Procedure& procedure, Instant receipt,
                                   bool extended, const calendar::WorkingCalendar& calendar);

// When to remind about `deadline` given the procedure's lead time, or nullopt if it has none.
// A lead in working days ends at the end of the N-th working day before the last day.
std::optional<Instant> reminder_at(const Procedure& procedure, const deadlines::Deadline& deadline,
                                   const calendar::WorkingCalendar& calendar);

}  // namespace jiaohe::engine::statute
