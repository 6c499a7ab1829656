#include "engine/deadlines/deadline_calculator.hpp"

#include <algorithm>

#include "engine/error.hpp"

namespace jiaohe::engine::deadlines {

using calendar::LocalDay;
using calendar::WorkingCalendar;
using std::chrono::days;

namespace {

struct DayRange {
  LocalDay first;
  LocalDay last;
};

// The local dates each pause touches, sorted and merged.
std::vector<DayRange> paused_days(const std::vector<Pause>& pauses) {
  std::vector<DayRange> out;
  for (const auto& p : pauses) out.push_back({calendar::local_day_of(p.start), calendar::local_day_of(*p.end)});
  std::sort(out.begin(), out.end(), [](const DayRange& a, const DayRange& b) { return a.first < b.first; });
  std::vector<DayRange> merged;
  for (const auto& r : out) {
    if (!merged.empty() && r.first <= merged.back().last + days{1}) {
      merged.back().last = std::max(merged.back().last, r.last);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

bool is_paused(const std::vector<DayRange>& paused, LocalDay day) {
  return std::any_of(paused.begin(), paused.end(), [&](const DayRange& r) { return r.first <= day && day <= r.last; });
}

// The n-th counted day after `start`, where `count(a, b)` counts countable days in [a, b] and
// `nth(d, k)` finds the k-th countable day after d, skipping the paused ranges. Each gap between
// pauses is handled in one jump, so the cost is O(pauses x log) whatever the period's length.
template <typename CountFn, typename NthFn>
LocalDay nth_counted_day(LocalDay start, std::int64_t n, const std::vector<DayRange>& paused, CountFn count, NthFn nth) {
  LocalDay cursor = start;
  for (const auto& r : paused) {
    if (r.last <= cursor) continue;
    const std::int64_t available = r.first > cursor ? count(cursor + days{1}, r.first - days{1}) : 0;
    if (available >= n) return nth(cursor, n);
    n -= available;
    cursor = r.last;
  }
  return nth(cursor, n);
}

Instant add_hours_with_pauses(Instant receipt, std::int64_t hours, const std::vector<Pause>& pauses) {
  std::vector<Pause> sorted = pauses;
  std::sort(sorted.begin(), sorted.end(), [](const Pause& a, const Pause& b) { return a.start < b.start; });
  Instant due = receipt + std::chrono::hours{hours};
  Instant counted_until = receipt;  // paused time before this instant is already added
  for (const auto& p : sorted) {
    if (p.start >= due) break;
    const Instant from = std::max(p.start, counted_until);
    if (*p.end > from) {
      due += *p.end - from;
      counted_until = *p.end;
    }
  }
  return due;
}

}  // namespace

std::optional<Deadline> compute_deadline(const WorkingCalendar& cal, const DeadlineBasis& basis) {
  for (const auto& p : basis.pauses) {
    if (!p.end) return std::nullopt;
    if (*p.end < p.start) throw Error(ErrorCode::kInvalidInput, "a pause ends before it starts");
  }
  const TimeLimit limit = extended_limit(basis.limit, basis.extension);
  if (limit.amount < (limit.unit == TimeUnit::kHours || limit.unit == TimeUnit::kImmediately ? 0 : 1))
    throw Error(ErrorCode::kInvalidInput, "a time limit must be positive, got " + std::to_string(limit.amount) + " " +
                                              unit_name(limit.unit));
  Deadline out;
  out.calendar_version = cal.version();
  out.effective_limit = limit;
  if (limit.unit == TimeUnit::kHours || limit.unit == TimeUnit::kImmediately) {
    out.due = add_hours_with_pauses(basis.receipt, limit.amount, basis.pauses);
    return out;  // exact hours do not depend on the calendar
  }
  const LocalDay receipt_day = calendar::local_day_of(basis.receipt);
  const auto paused = paused_days(basis.pauses);
  LocalDay last;
  if (limit.unit == TimeUnit::kWorkingDays) {
    last = nth_counted_day(
        receipt_day, limit.amount, paused, [&](LocalDay a, LocalDay b) { return cal.working_days_in(a, b); },
        [&](LocalDay d, std::int64_t k) { return cal.nth_working_day_after(d, k); });
  } else {
    last = nth_counted_day(
        receipt_day, limit.amount, paused, [](LocalDay a, LocalDay b) { return std::int64_t{(b - a).count() + 1}; },
        [](LocalDay d, std::int64_t k) { return d + days{k}; });
    // Civil Code Art. 203: a last day that is a rest day moves to the next working day.
    while (!cal.is_working_day(last) || is_paused(paused, last)) last = cal.next_working_day(last);
  }
  out.due = calendar::start_of_local_day(last + days{1});
  out.provisional = !cal.covers(receipt_day + days{1}, last);
  return out;
}

std::optional<Deadline> recompute_deadline(const WorkingCalendar& cal, DeadlineBasis& basis) {
  auto d = compute_deadline(cal, basis);
  basis.calendar_version = cal.version();
  return d;
}

bool needs_recompute(const Deadline& stored, const WorkingCalendar& cal) {
  return stored.provisional && stored.calendar_version != cal.version();
}

std::int64_t working_days_between(const WorkingCalendar& cal, Instant from, Instant to) {
  const LocalDay a = calendar::local_day_of(from);
  const LocalDay b = calendar::local_day_of(to);
  return b <= a ? -cal.working_days_in(b + days{1}, a) : cal.working_days_in(a + days{1}, b);
}

std::chrono::microseconds time_remaining(const Deadline& deadline, Instant now) { return deadline.due - now; }

}  // namespace jiaohe::engine::deadlines
