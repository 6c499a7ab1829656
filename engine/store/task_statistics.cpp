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
// Per corrected answer (an answer event whose snapshot says corrected): whether any finding of
// its task was seen by a scan after it. last_seen_at only grows, so "seen after this answer"
// is last_seen_at > the answer's instant, for every answer of a task reopened and corrected again.
constexpr const char* kCorrections = R"sql(
  SELECT t.assignee, count(*),
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM task_findings tf JOIN findings f ON f.id = tf.finding_id
                                        WHERE tf.task_id = t.id AND f.last_seen_at > e.at))
  FROM task_events e JOIN tasks t ON t.id = e.task_id
  WHERE e.action = 'answer' AND t.kind = 'verify_finding' AND e.after ->> 'resolution' = 'corrected'
    AND e.at >= $1::timestamptz AND e.at < $2::timestamptz
  GROUP BY t.assignee)sql";
constexpr const char* kNotEffective = R"sql(
  SELECT t.assignee, count(*) FROM task_events e JOIN tasks t ON t.id = e.task_id
  WHERE e.action = 'reopen' AND e.at >= $1::timestamptz AND e.at < $2::timestamptz GROUP BY t.assignee)sql";
constexpr const char* kRectificationOrders = R"sql(
  SELECT assignee, count(*),
         count(*) FILTER (WHERE status IN ('open', 'in_progress', 'extension_requested', 'reopened')
                          AND due_at < $1::timestamptz)
  FROM tasks WHERE kind = 'rectify' AND status NOT IN ('closed', 'forwarded') GROUP BY assignee)sql";

}  // namespace

std::vector<AgencyStatistics> task_statistics(const std::string& url, const calendar::WorkingCalendar& calendar,
                                              Instant from, Instant to, Instant now) {
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
  const auto row_of = [&](const pqxx::row& r) -> AgencyStatistics& {
    auto& s = by_agency[r[0].c_str()];
    s.agency = r[0].c_str();
    return s;
  };
  for (const auto& r : tx.exec_params(kCorrections, to_pg_timestamp(from), to_pg_timestamp(to))) {
    auto& s = row_of(r);
    s.corrections = r[1].as<std::int64_t>();
    s.corrections_found_again = r[2].as<std::int64_t>();
  }
  for (const auto& r : tx.exec_params(kNotEffective, to_pg_timestamp(from), to_pg_timestamp(to)))
    row_of(r).correction_not_effective = r[1].as<std::int64_t>();
  for (const auto& r : tx.exec_params(kRectificationOrders, to_pg_timestamp(now))) {
    auto& s = row_of(r);
    s.rectification_orders_open = r[1].as<std::int64_t>();
    s.rectification_orders_overdue = r[2].as<std::int64_t>();
  }
  std::vector<AgencyStatistics> out;
  for (auto& [agency, s] : by_agency) {
    if (s.answered > 0) s.average_working_days_to_answer = static_cast<double>(working_days[agency]) / s.answered;
    out.push_back(s);
  }
  return out;
}

}  // namespace jiaohe::engine::store
