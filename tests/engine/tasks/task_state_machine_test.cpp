// The transition table: what is allowed, and that everything else is refused with a clear error.
#include <doctest/doctest.h>

#include "engine/error.hpp"
#include "engine/tasks/task_state_machine.hpp"

using namespace jiaohe::engine;
using namespace jiaohe::engine::tasks;

namespace {

const Actor kClerk{"clerk", ActorRole::kAgency, "civ"};
const Actor kHead{"head of civ", ActorRole::kAgencyHead, "civ"};
const Actor kSystem = system_actor("scan");
const Actor kAuthority{"operator", ActorRole::kAuthority, {}};

TransitionContext dispute_context() {
  TransitionContext c;
  c.kind = TaskKind::kVerifyDispute;
  c.assignee = "civ";
  c.extension = statute::ExtensionPolicy{deadlines::ExtensionForm::kTo, 10, "agency_head", "Art. 19 ¶1"};
  return c;
}

ErrorCode code_of(TaskStatus from, TaskAction action, const Actor& actor, const TransitionContext& c) {
  try {
    next_status(from, action, actor, c);
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("the transition was allowed");
  return ErrorCode::kInternal;
}

std::string message_of(TaskStatus from, TaskAction action, const Actor& actor, const TransitionContext& c) {
  try {
    next_status(from, action, actor, c);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the life of a finding task: answer then verify or reopen") {
  auto c = dispute_context();
  c.kind = TaskKind::kVerifyFinding;
  CHECK(next_status(TaskStatus::kOpen, TaskAction::kStart, kClerk, c) == TaskStatus::kInProgress);
  CHECK(next_status(TaskStatus::kInProgress, TaskAction::kAnswer, kClerk, c) == TaskStatus::kAnswered);
  CHECK(next_status(TaskStatus::kAnswered, TaskAction::kVerify, kSystem, c) == TaskStatus::kVerified);
  CHECK(next_status(TaskStatus::kAnswered, TaskAction::kReopen, kSystem, c) == TaskStatus::kReopened);
  CHECK(next_status(TaskStatus::kReopened, TaskAction::kAnswer, kClerk, c) == TaskStatus::kAnswered);
  CHECK(next_status(TaskStatus::kVerified, TaskAction::kClose, kSystem, c) == TaskStatus::kClosed);
  CHECK(next_status(TaskStatus::kOpen, TaskAction::kResolveAtSource, kSystem, c) == TaskStatus::kClosed);
}

TEST_CASE("answering a closed task is a conflict that says why") {
  const auto c = dispute_context();
  CHECK(code_of(TaskStatus::kClosed, TaskAction::kAnswer, kClerk, c) == ErrorCode::kConflict);
  CHECK(message_of(TaskStatus::kClosed, TaskAction::kAnswer, kClerk, c) ==
        "cannot answer a verify_dispute task: it is closed");
  CHECK(code_of(TaskStatus::kForwarded, TaskAction::kAnswer, kAuthority, c) == ErrorCode::kConflict);
  CHECK(code_of(TaskStatus::kAnswered, TaskAction::kAnswer, kClerk, c) == ErrorCode::kConflict);
}

TEST_CASE("only the assignee answers") {
  const auto c = dispute_context();
  const Actor other{"clerk", ActorRole::kAgency, "tax"};
  CHECK(code_of(TaskStatus::kOpen, TaskAction::kAnswer, other, c) == ErrorCode::kInvalidInput);
  CHECK(code_of(TaskStatus::kOpen, TaskAction::kAnswer, Actor{"p", ActorRole::kParty, {}}, c) == ErrorCode::kInvalidInput);
}

TEST_CASE("an extension needs the approver the profile names and happens once") {
  auto c = dispute_context();
  CHECK(next_status(TaskStatus::kInProgress, TaskAction::kRequestExtension, kClerk, c) ==
        TaskStatus::kExtensionRequested);
  CHECK(code_of(TaskStatus::kExtensionRequested, TaskAction::kApproveExtension, kClerk, c) == ErrorCode::kInvalidInput);
  CHECK(message_of(TaskStatus::kExtensionRequested, TaskAction::kApproveExtension, kClerk, c).find("agency_head") !=
        std::string::npos);
  CHECK(code_of(TaskStatus::kExtensionRequested, TaskAction::kApproveExtension, Actor{"", ActorRole::kAgencyHead, "civ"},
                c) == ErrorCode::kInvalidInput);
  CHECK(next_status(TaskStatus::kExtensionRequested, TaskAction::kApproveExtension, kHead, c) == TaskStatus::kInProgress);
  c.extensions = 1;
  CHECK(code_of(TaskStatus::kInProgress, TaskAction::kRequestExtension, kClerk, c) == ErrorCode::kConflict);
}

TEST_CASE("an extension beyond the profile's maximum is refused") {
  auto c = dispute_context();
  c.requested_extension = 11;
  CHECK(code_of(TaskStatus::kOpen, TaskAction::kRequestExtension, kClerk, c) == ErrorCode::kInvalidInput);
  CHECK(message_of(TaskStatus::kOpen, TaskAction::kRequestExtension, kClerk, c).find("maximum of 10") !=
        std::string::npos);
}

TEST_CASE("a procedure without an extension refuses one") {
  auto c = dispute_context();
  c.kind = TaskKind::kForwardDispute;
  c.assignee = "authority";
  c.extension.reset();
  CHECK(code_of(TaskStatus::kOpen, TaskAction::kRequestExtension, kAuthority, c) == ErrorCode::kConflict);
  CHECK(next_status(TaskStatus::kOpen, TaskAction::kForward, kAuthority, c) == TaskStatus::kForwarded);
}

TEST_CASE("kind-specific actions are refused for other kinds") {
  const auto c = dispute_context();
  CHECK(code_of(TaskStatus::kOpen, TaskAction::kForward, kClerk, c) == ErrorCode::kConflict);
  CHECK(code_of(TaskStatus::kAnswered, TaskAction::kReopen, kSystem, c) == ErrorCode::kConflict);
}

TEST_CASE("every status but the final ones has a way out") {
  for (auto s : {TaskStatus::kOpen, TaskStatus::kInProgress, TaskStatus::kExtensionRequested, TaskStatus::kAnswered,
                 TaskStatus::kReopened, TaskStatus::kVerified}) {
    bool has_exit = false;
    for (const auto& t : transition_table())
      for (auto from : t.from) has_exit = has_exit || from == s;
    CHECK_MESSAGE(has_exit, status_name(s));
  }
}
