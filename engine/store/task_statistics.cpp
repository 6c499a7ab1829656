#include "engine/store/task_statistics.hpp"

#include <map>

#include <pqxx/pqxx>

#include "engine/deadlines/deadline_calculator.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kReceived = R"sql(
  SELECT assignee, jiaohe_micros(received_at), jiaohe_micros(answered_at), answered_at <= due_at, overdue,
         deadline_basis ? 'extension'
  FROM tasks WHERE received_at >= $1::timestamptz AND received_at < $2::timestamptz ORDER BY assignee, id)sql";

}  // namespace

std::vector<AgencyStatistics> task_statistics(const std::string& url, const calendar::WorkingCalendar& calendar,
                                              Instant from, Instant to) {
  auto lease = connect(url);
  auto& c = *lease;
  pqxx::read_transaction tx(c);
  std::map<std::string, AgencyStatistics> by_agency;
  std::map<std::string, std::int64_t> working_days;
  for (const auto& r : tx.exec_params(kReceived, to_pg_timestamp(from), to_pg_timestamp(to))) {
    auto& s = by_agency[r[0].c_str()];
    s.agency = r[0].c_str();
    ++s.received;
    const auto answered = instant_of(r[2]);
    if (answered) {
      ++s.answered;
      working_days[s.agency] += deadlines::working_days_between(calendar, *instant_of(r[1]), *answered);
      if (!r[3].is_null() && r[3].as<bool>()) ++s.answered_on_time;
    }
    if (r[4].as<bool>()) ++s.overdue;
    if (r[5].as<bool>()) ++s.extended;
  }
  std::vector<AgencyStatistics> out;
  for (auto& [agency, s] : by_agency) {
    if (s.answered > 0) s.average_working_days_to_answer = static_cast<double>(working_days[agency]) / s.answered;
    out.push_back(s);
  }
  return out;
}

}  // namespace jiaohe::engine::store
