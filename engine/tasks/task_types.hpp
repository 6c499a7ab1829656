#pragma once
// The vocabulary of tasks: kinds (one per procedure of a statute profile), statuses, actions
// and the roles of the people and jobs that act on them. Names are what the database, events
// and JSON use.
#include <cstdint>
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
  kAssign,           // to a member of the assignee's staff (again: reassigned); the status stays
  kComment,          // a note on the task; the status stays
};

// Who acts. The approver an extension needs is named by the profile (e.g. "agency_head").
enum class ActorRole { kAgency, kAgencyHead, kAuthority, kSystem, kParty };

// A registered member of staff of an agency or of the authority (the staff register).
struct Person {
  std::string staff_id, name;
};

struct Actor {
  std::string name;  // a person or job, recorded in events
  ActorRole role = ActorRole::kSystem;
  std::string agency;  // for agency roles: the agency they act for
  std::int64_t token_id = 0;    // the API token that acted; 0 for jobs and the command line
  std::optional<Person> person = {};  // the person that token names; none: the token acts for its unit
};

// Who asked for something, kept to tell them from who decides it: a token and its person.
struct ActorRef {
  std::int64_t token_id = 0;
  std::string staff_id = {};
};
ActorRef ref_of(const Actor& actor);
// The same token, or the same registered person (on another token); actors without a token or
// person (jobs, engine callers) are never the same as anyone.
bool same_actor(const ActorRef& a, const ActorRef& b);

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
