// Disputes, withdrawals and appeals through their procedures, with the profile's deadlines.
#include <doctest/doctest.h>

#include "engine/calendar/local_time.hpp"
#include "engine/error.hpp"
#include "engine/log/mask.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

using namespace jiaohe;
using engine::calendar::format_instant;
using engine::disputes::DisputeRequest;
using engine::disputes::FilingChannel;
using engine::tasks::ActorRole;
using engine::tasks::TaskKind;
using engine::tasks::TaskStatus;

namespace {

struct DisputeFixture : testing::WorkflowFixture {
  const engine::tasks::Actor head{"director zhao", ActorRole::kAgencyHead, "civ"};
  const engine::tasks::Actor authority{"operator", ActorRole::kAuthority, {}};

  DisputeRequest request(FilingChannel channel) {
    auto r = name_dispute(person);
    r.notify = {{"channel", "sms"}, {"address", "13800138000"}};
    r.channel = channel;
    return r;
  }
  std::vector<std::string> actions(std::int64_t task) {
    std::vector<std::string> out;
    for (const auto& e : store.events(task)) out.push_back(e.action);
    return out;
  }
};

}  // namespace

TEST_CASE("a dispute filed with the agency gets 5 working days and the head may extend it to 10 once") {
  DisputeFixture f;
  f.scan();  // canonical values for the evidence
  const auto filed = f.disputes.file(f.request(FilingChannel::kAgency), f.clock.now());
  auto task = f.store.task(filed.task_id);
  CHECK(task.kind == TaskKind::kVerifyDispute);
  CHECK(task.assignee == "civ");
  CHECK(format_instant(*task.due_at) == "2026-12-05T00:00:00+08:00");
  CHECK(f.disputes.evidence(filed.dispute_id).size() == 2);  // the name in reg and in aid
  CHECK(f.store.flags_for_subject(f.person).size() == 1);

  CHECK_THROWS_WITH_AS(f.desk.request_extension(filed.task_id, 11, "busy", testing::kCivClerk, f.clock.now()),
                       doctest::Contains("beyond the profile's maximum of 10"), engine::Error);
  f.desk.request_extension(filed.task_id, std::nullopt, "needs a records search", testing::kCivClerk, f.clock.now());
  CHECK_THROWS_WITH_AS(f.desk.decide_extension(filed.task_id, true, "ok", testing::kCivClerk, f.clock.now()),
                       doctest::Contains("agency_head"), engine::Error);
  task = f.desk.decide_extension(filed.task_id, true, "approved", f.head, f.clock.now());
  CHECK(format_instant(*task.due_at) == "2026-12-12T00:00:00+08:00");
  CHECK(task.deadline_version == 2);
  CHECK(task.basis.extension.has_value());
  CHECK_THROWS_AS(f.desk.request_extension(filed.task_id, std::nullopt, "more", testing::kCivClerk, f.clock.now()),
                  engine::Error);

  task = f.disputes.answer(filed.task_id, "corrected", "spelling fixed", testing::kCivClerk, f.clock.now());
  CHECK(task.status == TaskStatus::kClosed);
  CHECK(f.disputes.status(filed.dispute_id) == "resolved");
  CHECK(f.store.flags_for_subject(f.person).empty());
  CHECK(f.sql("SELECT payload->>'result' FROM outbox WHERE recipient = 'party'") == "corrected");
  CHECK(f.actions(filed.task_id) == std::vector<std::string>{"opened", "flags_set", "request_extension", "approve_extension",
                                                             "answer", "close", "flags_cleared", "party_notified"});
}

TEST_CASE("a dispute filed with the authority is forwarded and the agency's 5 days run from the forwarding") {
  DisputeFixture f;
  const auto filed = f.disputes.file(f.request(FilingChannel::kAuthority), f.clock.now());
  const auto forward = f.store.task(filed.task_id);
  CHECK(forward.kind == TaskKind::kForwardDispute);
  CHECK(forward.assignee == "authority");
  CHECK(format_instant(*forward.due_at) == "2026-12-02T00:00:00+08:00");  // Monday and Tuesday
  CHECK_THROWS_AS(f.desk.request_extension(filed.task_id, std::nullopt, "", f.authority, f.clock.now()), engine::Error);
  f.clock.set(testing::local_time(2026, 11, 30, 9));  // Monday
  const auto verify = f.disputes.forward(filed.task_id, f.authority, f.clock.now());
  CHECK(verify.kind == TaskKind::kVerifyDispute);
  CHECK(verify.assignee == "civ");
  CHECK(verify.parent_task_id == filed.task_id);
  CHECK(format_instant(*verify.due_at) == "2026-12-08T00:00:00+08:00");
  CHECK(f.store.task(filed.task_id).status == TaskStatus::kForwarded);
  CHECK(f.store.flags_for_subject(f.person).size() == 1);
}

// Art. 44, read from the article: a withdrawal request about published data suspends its
// publication immediately; the agency's verification then withdraws it or republishes it (or
// finds the request unfounded), tells the party, and the party may ask the authority to review.
struct WithdrawalFixture : DisputeFixture {
  WithdrawalFixture() { publish("aid"); }
  void publish(const std::string& dataset) {
    for (auto& d : catalogue.datasets)
      if (d.id == dataset) d.published = true;
  }
  DisputeRequest withdrawal() {
    auto r = request(FilingChannel::kAgency);
    r.withdrawal = true;
    return r;
  }
  std::string publication(std::int64_t dispute) {
    return sql("SELECT publication FROM disputes WHERE id = " + std::to_string(dispute));
  }
  // The open-data platform's notices, oldest first: "kind state".
  std::string notices() {
    return sql("SELECT coalesce(string_agg(kind || ' ' || (payload->'publication'->>'state'), ',' ORDER BY id), '') "
               "FROM outbox WHERE recipient = 'open_data'");
  }
};

TEST_CASE("a withdrawal request suspends a published record at once, in the filing's own transaction") {
  WithdrawalFixture f;
  const auto filed = f.disputes.file(f.withdrawal(), f.clock.now());
  const auto task = f.store.task(filed.task_id);
  CHECK(task.kind == TaskKind::kVerifyWithdrawal);
  CHECK(*task.due_at - f.clock.now() == std::chrono::hours(24));
  CHECK(f.publication(filed.dispute_id) == "suspended");
  CHECK(f.notices() == "publication_suspended suspended");
  // One transaction wrote the request and the notice: the same xmin.
  CHECK(f.sql("SELECT d.xmin::text = o.xmin::text FROM disputes d, outbox o WHERE o.recipient = 'open_data'") == "t");
  CHECK(f.sql("SELECT payload->'publication'->>'dataset_id' || ' ' || (payload->'publication'->>'subject_id') || ' ' || "
              "(payload->'publication'->>'withdrawal_id') FROM outbox WHERE recipient = 'open_data'") ==
        "aid " + engine::log::mask_identifier(f.person) + " " + std::to_string(filed.dispute_id));
  CHECK(filed.view.publication == "suspended");
  CHECK(filed.view.history.back().action == "publication_suspended");
  CHECK(f.disputes.view(filed.dispute_id).publication == "suspended");
  CHECK(f.disputes.view(filed.dispute_id).history == filed.view.history);
}

TEST_CASE("the agency's answer withdraws or resumes the publication and the party is told which") {
  WithdrawalFixture f;
  const auto withdrawn = f.disputes.file(f.withdrawal(), f.clock.now());
  f.desk.answer(f.store.task(withdrawn.task_id), "withdrawn", "", testing::kCivClerk, f.clock.now());
  CHECK(f.publication(withdrawn.dispute_id) == "withdrawn");
  const auto republished = f.disputes.file(f.withdrawal(), f.clock.now());
  f.desk.answer(f.store.task(republished.task_id), "republished", "the address column is now masked",
                testing::kCivClerk, f.clock.now());
  CHECK(f.publication(republished.dispute_id) == "resumed");
  const auto unfounded = f.disputes.file(f.withdrawal(), f.clock.now());
  f.desk.answer(f.store.task(unfounded.task_id), "rejected", "the record names no person", testing::kCivClerk,
                f.clock.now());
  CHECK(f.publication(unfounded.dispute_id) == "resumed");
  CHECK(f.notices() ==
        "publication_suspended suspended,publication_withdrawn withdrawn,publication_suspended suspended,"
        "publication_resumed resumed,publication_suspended suspended,publication_resumed resumed");
  CHECK(f.sql("SELECT string_agg(payload->>'publication', ',' ORDER BY id) FROM outbox WHERE kind = 'result'") ==
        "withdrawn,resumed,resumed");
  CHECK(f.disputes.view(republished.dispute_id).history.back().action == "party_notified");
}

TEST_CASE("the authority's review of a withdrawal result may withdraw what the agency resumed") {
  WithdrawalFixture f;
  const auto filed = f.disputes.file(f.withdrawal(), f.clock.now());
  f.desk.answer(f.store.task(filed.task_id), "rejected", "not personal data", testing::kCivClerk, f.clock.now());
  const auto review = f.disputes.appeal(filed.dispute_id, "it is my home address", f.clock.now());
  const engine::tasks::Actor authority{"operator", ActorRole::kAuthority, {}};
  f.desk.answer(review, "overturned", "a home address is personal data (Art. 44)", authority, f.clock.now());
  CHECK(f.publication(filed.dispute_id) == "withdrawn");
  CHECK(f.sql("SELECT payload->>'publication' FROM outbox WHERE kind = 'result' ORDER BY id DESC LIMIT 1") ==
        "withdrawn");
  // Upheld changes nothing.
  const auto second = f.disputes.file(f.withdrawal(), f.clock.now());
  f.desk.answer(f.store.task(second.task_id), "rejected", "not personal data", testing::kCivClerk, f.clock.now());
  f.desk.answer(f.disputes.appeal(second.dispute_id, "please", f.clock.now()), "upheld", "it is not", authority,
                f.clock.now());
  CHECK(f.publication(second.dispute_id) == "resumed");
}

TEST_CASE("a withdrawal of data that is not published suspends nothing and still gets verified at once") {
  WithdrawalFixture f;
  auto r = f.withdrawal();
  r.dataset_id = "reg";  // not published; the police's
  const auto filed = f.disputes.file(r, f.clock.now());
  const engine::tasks::Actor pol_clerk{"clerk li", ActorRole::kAgency, "pol"};
  CHECK(f.publication(filed.dispute_id) == "not_published");
  CHECK(f.notices() == "");
  CHECK(f.store.task(filed.task_id).kind == TaskKind::kVerifyWithdrawal);
  f.desk.answer(f.store.task(filed.task_id), "rejected", "nothing is published", pol_clerk, f.clock.now());
  CHECK(f.publication(filed.dispute_id) == "not_published");
  CHECK(f.notices() == "");
}

TEST_CASE("a withdrawal request names its dataset, and a filer cannot contradict the dataset's publication") {
  WithdrawalFixture f;
  auto none = f.withdrawal();
  none.dataset_id.clear();
  CHECK_THROWS_WITH_AS(f.disputes.file(none, f.clock.now()), doctest::Contains("/dataset_id"), engine::Error);
  auto keep_open = f.withdrawal();
  keep_open.publication_suspended = false;
  CHECK_THROWS_WITH_AS(f.disputes.file(keep_open, f.clock.now()), doctest::Contains("suspends its publication at once"),
                       engine::Error);
  auto unpublished = f.withdrawal();
  unpublished.dataset_id = "reg";
  unpublished.publication_suspended = true;
  CHECK_THROWS_WITH_AS(f.disputes.file(unpublished, f.clock.now()), doctest::Contains("not published"), engine::Error);
  auto agreeing = f.withdrawal();
  agreeing.publication_suspended = true;
  CHECK(f.publication(f.disputes.file(agreeing, f.clock.now()).dispute_id) == "suspended");
  CHECK(f.sql("SELECT count(*) FROM disputes") == "1");
}

TEST_CASE("a party may appeal a result once and the review goes to the authority") {
  DisputeFixture f;
  const auto filed = f.disputes.file(f.request(FilingChannel::kAgency), f.clock.now());
  CHECK_THROWS_AS(f.disputes.appeal(filed.dispute_id, "too early", f.clock.now()), engine::Error);
  f.disputes.answer(filed.task_id, "confirmed_accurate", "the record matches the birth certificate", testing::kCivClerk,
                    f.clock.now());
  const auto review = f.disputes.appeal(filed.dispute_id, "I disagree", f.clock.now());
  CHECK(review.kind == TaskKind::kReview);
  CHECK(review.assignee == "authority");
  CHECK(format_instant(*review.due_at) == "2026-12-12T00:00:00+08:00");
  CHECK_THROWS_WITH_AS(f.disputes.appeal(filed.dispute_id, "again", f.clock.now()), doctest::Contains("only once"),
                       engine::Error);
  f.disputes.answer(review.id, "upheld", "reviewed", f.authority, f.clock.now());
  CHECK(f.disputes.status(filed.dispute_id) == "closed");
  CHECK_THROWS_AS(f.disputes.appeal(filed.dispute_id, "again", f.clock.now()), engine::Error);
}

TEST_CASE("an invalid identifier is refused with the reason and without the number") {
  DisputeFixture f;
  auto r = f.request(FilingChannel::kAgency);
  r.subject_id = f.person.substr(0, 17) + (f.person[17] == '0' ? '1' : '0');
  try {
    f.disputes.file(r, f.clock.now());
    FAIL("accepted");
  } catch (const engine::Error& e) {
    CHECK(e.code() == engine::ErrorCode::kInvalidInput);
    CHECK(std::string(e.what()).find("check_character") != std::string::npos);
    CHECK(std::string(e.what()).find(r.subject_id) == std::string::npos);
  }
}

TEST_CASE("the view a filing returns is the view read back from the database") {
  DisputeFixture f;
  f.scan();
  for (const bool withdrawal : {false, true})
    for (const auto channel : {engine::disputes::FilingChannel::kAgency, engine::disputes::FilingChannel::kAuthority}) {
      auto request = f.request(channel);
      request.withdrawal = withdrawal;
      const auto filed = f.disputes.file(request, f.clock.now());
      CAPTURE(withdrawal);
      CHECK(filed.view == f.disputes.view(filed.dispute_id));
      CHECK(filed.view.deadline.has_value());
    }
}
