#pragma once
// Supervision figures per agency and period (Art. 5, 47): tasks received, answered on time,
// overdue, extended, the average working days from receipt to answer; corrections and how many
// were found again (the reopen rate), corrections a scan found not effective; and the agency's
// rectification orders open and overdue now.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/calendar/working_calendar.hpp"
#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct AgencyStatistics {
  std::string agency;
  std::int64_t received = 0, answered = 0, answered_on_time = 0, overdue = 0, extended = 0;
  double average_working_days_to_answer = 0;  // over answered tasks; 0 when none
  // Answers "corrected" given in the period to verify_finding tasks, and those of them after
  // which a scan saw one of the task's findings again (the same fingerprint: last_seen_at after
  // the answer), whether that scan reopened the task or the finding came back after it closed.
  std::int64_t corrections = 0, corrections_found_again = 0;
  // Reopen events in the period: a scan found a corrected task's findings still there.
  std::int64_t correction_not_effective = 0;
  // Rectification orders (Art. 47) at `now`: not closed, and of those past due while the agency
  // must still act.
  std::int64_t rectification_orders_open = 0, rectification_orders_overdue = 0;
};

// Tasks received, corrections answered and reopens in [from, to), rectification orders at
// `now`, per assignee with any of them, ordered by assignee.
std::vector<AgencyStatistics> task_statistics(const std::string& url, const calendar::WorkingCalendar& calendar,
                                              Instant from, Instant to, Instant now);

}  // namespace jiaohe::engine::store
