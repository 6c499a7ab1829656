#pragma once
// The vocabulary of tasks: kinds (one per procedure of a statute profile), statuses, actions
// and the roles of the people and jobs that act on them. Names are what the database, events
// and JSON use.
#include <optional>
#include <string>
#include <string_view>

namespace jiaohe::engine::tasks {

enum class TaskKind { kVerifyFinding, kVerifyDispute, kForwardDispute, kVerifyWithdrawal, kReview, kRectify };

enum class TaskStatus {
  kOpen,
  kInProgress,
  kExtensionRequested,
  kAnswered,   // the assignee answered; a correction awaits the next scan
  kReopened,   // the next scan found the defect again: correction not effective
  kVerified,   // the next scan confirmed the correction
  kForwarded,  // a forwarded dispute: the agency's verify_dispute task carries on (final)
  kClosed,     // final
};

enum class TaskAction {
  kStart,
  kAnswer,
  kRequestExtension,
  kApproveExtension,
  kDenyExtension,
  kVerify,
  kReopen,
  kForward,
  kClose,
  kResolveAtSource,  // the defect disappeared before any answer
};

// Who acts. The approver an extension needs is named by the profile (e.g. "agency_head").
enum class ActorRole { kAgency, kAgencyHead, kAuthority, kSystem, kParty };

struct Actor {
  std::string name;  // a person or job, recorded in events
  ActorRole role = ActorRole::kSystem;
  std::string agency;  // for agency roles: the agency they act for
};

std::string kind_name(TaskKind kind);
std::optional<TaskKind> parse_kind(std::string_view name);
std::string status_name(TaskStatus status);
std::optional<TaskStatus> parse_status(std::string_view name);
std::string action_name(TaskAction action);
std::string role_name(ActorRole role);
std::optional<ActorRole> parse_role(std::string_view name);

// Closed and forwarded tasks take no further action.
bool is_final(TaskStatus status);

// The system actor used by scans and the sweeper.
Actor system_actor(std::string name);

}  // namespace jiaohe::engine::tasks
