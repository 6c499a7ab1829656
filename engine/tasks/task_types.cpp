#include "engine/tasks/task_types.hpp"

#include <array>
#include <utility>

namespace jiaohe::engine::tasks {
namespace {

template <typename E, std::size_t N>
std::string name_of(const std::array<std::pair<E, const char*>, N>& table, E value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> parse_in(const std::array<std::pair<E, const char*>, N>& table, std::string_view name) {
  for (const auto& [e, n] : table)
    if (name == n) return e;
  return std::nullopt;
}

constexpr std::array<std::pair<TaskKind, const char*>, 6> kKinds{{
    {TaskKind::kVerifyFinding, "verify_finding"},
    {TaskKind::kVerifyDispute, "verify_dispute"},
    {TaskKind::kForwardDispute, "forward_dispute"},
    {TaskKind::kVerifyWithdrawal, "verify_withdrawal"},
    {TaskKind::kReview, "review"},
    {TaskKind::kRectify, "rectify"},
}};
constexpr std::array<std::pair<TaskStatus, const char*>, 8> kStatuses{{
    {TaskStatus::kOpen, "open"},
    {TaskStatus::kInProgress, "in_progress"},
    {TaskStatus::kExtensionRequested, "extension_requested"},
    {TaskStatus::kAnswered, "answered"},
    {TaskStatus::kReopened, "reopened"},
    {TaskStatus::kVerified, "verified"},
    {TaskStatus::kForwarded, "forwarded"},
    {TaskStatus::kClosed, "closed"},
}};
constexpr std::array<std::pair<TaskAction, const char*>, 12> kActions{{
    {TaskAction::kStart, "start"},
    {TaskAction::kAnswer, "answer"},
    {TaskAction::kRequestExtension, "request_extension"},
    {TaskAction::kApproveExtension, "approve_extension"},
    {TaskAction::kDenyExtension, "deny_extension"},
    {TaskAction::kVerify, "verify"},
    {TaskAction::kReopen, "reopen"},
    {TaskAction::kForward, "forward"},
    {TaskAction::kClose, "close"},
    {TaskAction::kResolveAtSource, "resolve_at_source"},
    {TaskAction::kAssign, "assign"},
    {TaskAction::kComment, "comment"},
}};
constexpr std::array<std::pair<ActorRole, const char*>, 5> kRoles{{
    {ActorRole::kAgency, "agency"},
    {ActorRole::kAgencyHead, "agency_head"},
    {ActorRole::kAuthority, "authority"},
    {ActorRole::kSystem, "system"},
    {ActorRole::kParty, "party"},
}};

}  // namespace

std::string kind_name(TaskKind kind) { return name_of(kKinds, kind); }
std::optional<TaskKind> parse_kind(std::string_view name) { return parse_in(kKinds, name); }
std::string status_name(TaskStatus status) { return name_of(kStatuses, status); }
std::optional<TaskStatus> parse_status(std::string_view name) { return parse_in(kStatuses, name); }
std::string action_name(TaskAction action) { return name_of(kActions, action); }
std::string role_name(ActorRole role) { return name_of(kRoles, role); }
std::optional<ActorRole> parse_role(std::string_view name) { return parse_in(kRoles, name); }

bool is_final(TaskStatus status) { return status == TaskStatus::kClosed || status == TaskStatus::kForwarded; }

Actor system_actor(std::string name) { return Actor{std::move(name), ActorRole::kSystem, {}}; }

ActorRef ref_of(const Actor& actor) { return {actor.token_id, actor.person ? actor.person->staff_id : ""}; }

bool same_actor(const ActorRef& a, const ActorRef& b) {
  return (a.token_id != 0 && a.token_id == b.token_id) || (!a.staff_id.empty() && a.staff_id == b.staff_id);
}

}  // namespace jiaohe::engine::tasks
