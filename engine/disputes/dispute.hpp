#pragma once
// Disputes (Art. 19 ¶1-2), withdrawal requests (Art. 44) and appeals as values: what a dispute
// is, where it stands, and how its party and staff see it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/clock.hpp"

namespace jiaohe::engine::disputes {

enum class DisputeKind { kDispute, kWithdrawal };

// open -> resolved (a result) -> appealed (once) -> closed (the review's result).
enum class DisputeStatus { kOpen, kResolved, kAppealed, kClosed };

// Where it was filed: with the agency, or with the authority, which forwards it.
enum class FilingChannel { kAgency, kAuthority };

std::string kind_name(DisputeKind kind);
std::optional<DisputeKind> parse_kind(std::string_view name);
std::string status_name(DisputeStatus status);
std::optional<DisputeStatus> parse_status(std::string_view name);
std::string channel_name(FilingChannel channel);

// A dispute as its party and staff see it: where it stands, the deadline of the step that is
// running and what happened so far (the events of every task of its procedure).
struct DisputeEvent {
  Instant at{};
  std::int64_t task_id = 0;
  std::string step, action, actor_role, reason;
  bool operator==(const DisputeEvent&) const = default;
};

struct DisputeView {
  std::int64_t id = 0;
  std::string kind;  // dispute or withdrawal
  std::string subject_id, dataset_id, attribute, agency_code, channel, status, result, result_reason;
  // The party's claim: the value it says is right (may be empty) and what it says is wrong.
  std::string claimed_value, description;
  Instant filed_at{};
  std::optional<Instant> deadline;  // due_at of the live task; none when no task runs or it is paused
  std::string current_step;         // empty when no task runs
  std::string assignee;             // who must act on the live task
  std::vector<DisputeEvent> history;
  // A withdrawal request's record: not_published, suspended, resumed or withdrawn
  // (engine/disputes/publication.hpp), and since when; empty for a dispute.
  std::string publication;
  std::optional<Instant> publication_changed_at;
  bool operator==(const DisputeView&) const = default;
};

// Which disputes a list shows; unset members do not filter.
struct DisputeFilter {
  std::string subject_id = {};  // a citizen: its own identifier
  std::string agency = {};      // an agency: the disputes about it or whose live step it must act on
  std::string status = {};      // open, resolved, appealed, closed
  std::string kind = {};        // dispute or withdrawal
  std::string publication = {};  // a withdrawal's record: not_published, suspended, resumed, withdrawn
  std::string dataset_id = {};
};

struct Filed {
  std::int64_t dispute_id = 0;
  std::int64_t task_id = 0;
  // The dispute as it reads back right after filing, known without reading it: the filing's
  // answer costs no second transaction.
  DisputeView view;
};

}  // namespace jiaohe::engine::disputes
