#pragma once
// Supervision figures per agency and period (Art. 5, 47): tasks received, answered on time,
// overdue, extended, and the average working days from receipt to answer.
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
};

// Tasks received in [from, to), per assignee, ordered by assignee.
std::vector<AgencyStatistics> task_statistics(const std::string& url, const calendar::WorkingCalendar& calendar,
                                              Instant from, Instant to);

}  // namespace jiaohe::engine::store
