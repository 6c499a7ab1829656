// Following disputes over real sockets: the caller's list and the party's one appeal.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using engine::disputes::FilingChannel;
using nlohmann::json;
using testing::WorkflowServer;

namespace {

const engine::tasks::Actor kClerk{"clerk wang", engine::tasks::ActorRole::kAgency, "civ"};

std::string appeal_path(std::int64_t dispute) { return "/v1/disputes/" + std::to_string(dispute) + "/appeal"; }

}  // namespace

TEST_CASE("each caller lists only the disputes it may read and filters by status and kind") {
  WorkflowServer s;
  const auto mine = s.file(s.person);
  const auto withdrawal = s.file(s.person, FilingChannel::kAgency, true);
  const auto theirs = s.file(s.other);
  s.disputes.answer(theirs.task_id, "corrected", "fixed", kClerk, s.clock.now());

  using Ids = std::set<std::int64_t>;
  const auto ids = [&](const std::string& token, const std::string& query) {
    return WorkflowServer::ids(s.ok(s.get(token, "/v1/disputes" + query))["items"]);
  };
  const auto a = s.token(Role::kCitizen, s.person);
  const auto b = s.token(Role::kCitizen, s.other);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto pol = s.token(Role::kAgency, "", "pol");
  const auto authority = s.token(Role::kAuthority);
  CHECK(ids(a, "") == Ids{mine.dispute_id, withdrawal.dispute_id});
  CHECK(ids(b, "") == Ids{theirs.dispute_id});
  CHECK(ids(civ, "") == Ids{mine.dispute_id, withdrawal.dispute_id, theirs.dispute_id});
  CHECK(ids(pol, "").empty());
  CHECK(ids(authority, "?status=resolved") == Ids{theirs.dispute_id});
  CHECK(ids(authority, "?kind=withdrawal") == Ids{withdrawal.dispute_id});
  CHECK(ids(a, "?status=open&kind=dispute") == Ids{mine.dispute_id});

  const auto item = s.ok(s.get(b, "/v1/disputes"))["items"][0];
  CHECK(item["result"] == "corrected");
  CHECK(item["filed_at"] == "2026-11-27T08:00:00+08:00");
  CHECK_FALSE(item.contains("history"));
  // Staff lists read personal data: one access_log row per dispute shown; a party's own are not logged.
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'list_disputes' AND agency_code = 'civ'") == "3");
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE role = 'citizen'") == "0");
}

TEST_CASE("the dispute list pages newest first with every dispute exactly once and refuses bad filters") {
  WorkflowServer s;
  std::set<std::int64_t> filed;
  for (int i = 0; i < 5; ++i) filed.insert(s.file(s.person).dispute_id);
  const auto a = s.token(Role::kCitizen, s.person);
  const auto items = s.all_pages(a, "/v1/disputes", 2);
  CHECK(items.size() == 5);
  CHECK(WorkflowServer::ids(items) == filed);
  CHECK(items.front()["id"].get<std::int64_t>() == *filed.rbegin());

  auto r = s.get(a, "/v1/disputes?status=pending");
  CHECK(r.status == 400);
  CHECK(WorkflowServer::errors(r)["status"].find("appealed") != std::string::npos);
  r = s.get(a, "/v1/disputes?knd=dispute");
  CHECK(r.status == 400);
  CHECK(WorkflowServer::errors(r)["knd"].find("did you mean 'kind'") != std::string::npos);
}

TEST_CASE("the party appeals a result once and the review goes to the authority") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto a = s.token(Role::kCitizen, s.person);
  const auto b = s.token(Role::kCitizen, s.other);
  const auto target = appeal_path(filed.dispute_id);
  CHECK(s.post(a, target, json{{"reason", "too early"}}).status == 409);  // no result yet
  s.disputes.answer(filed.task_id, "confirmed_accurate", "matches the birth certificate", kClerk, s.clock.now());

  CHECK(s.post(b, target, json{{"reason", "not mine"}}).status == 404);
  CHECK(s.post(a, appeal_path(999999), json{{"reason", "x"}}).status == 404);
  CHECK(s.post_raw(a, target, "{\"reason\": ").status == 400);
  auto r = s.post(a, target, json{{"reasn", "typo"}});
  CHECK(r.status == 422);
  auto errors = WorkflowServer::errors(r);
  CHECK(errors["/reason"] == "required");
  CHECK(errors["/reasn"].find("did you mean 'reason'") != std::string::npos);
  CHECK(s.post(a, target, json{{"reason", 3}}).status == 422);
  CHECK(s.post(a, target, json{{"reason", ""}}).status == 422);
  CHECK(s.sql("SELECT status FROM disputes") == "resolved");

  const auto appealed = s.ok(s.post(a, target, json{{"reason", "I disagree"}}));
  CHECK(appealed["status"] == "appealed");
  CHECK(appealed["assignee"] == "authority");
  CHECK(appealed["current_step"].get<std::string>().rfind("review", 0) == 0);
  const auto again = s.post(a, target, json{{"reason", "again"}});
  CHECK(again.status == 409);
  CHECK(json::parse(again.body)["detail"].get<std::string>().find("only once") != std::string::npos);

  // The authority sees the review in its queue and answers it: the dispute closes.
  const auto authority = s.token(Role::kAuthority);
  const auto reviews = s.ok(s.get(authority, "/v1/tasks?kind=review"))["items"];
  REQUIRE(reviews.size() == 1);
  s.ok(s.post(authority, WorkflowServer::task_path(reviews[0]["id"].get<std::int64_t>(), "/answer"),
              json{{"answer", "upheld"}, {"reason", "the record is right"}}));
  CHECK(s.ok(s.get(a, "/v1/disputes/" + std::to_string(filed.dispute_id)))["status"] == "closed");
  // Agencies cannot appeal at all.
  CHECK(s.post(s.token(Role::kAgency, "", "civ"), target, json{{"reason", "x"}}).status == 403);
}

TEST_CASE("a withdrawal request over HTTP suspends the record, the list shows it suspended, the answer withdraws it") {
  WorkflowServer s;
  for (auto& d : s.catalogue.datasets)
    if (d.id == "aid") d.published = true;
  const auto citizen = s.token(Role::kCitizen, s.person);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto pol = s.token(Role::kAgency, "", "pol");
  auto body = s.filing(s.person);
  body["withdrawal"] = true;
  const auto filed = s.ok(s.post(citizen, "/v1/disputes", body));
  CHECK(filed["publication"]["state"] == "suspended");
  CHECK(filed["publication"]["since"] == "2026-11-27T08:00:00+08:00");
  const auto id = filed["id"].get<std::int64_t>();

  const auto suspended = s.ok(s.get(civ, "/v1/disputes?publication=suspended&dataset=aid"))["items"];
  REQUIRE(suspended.size() == 1);
  CHECK(suspended[0]["id"] == id);
  CHECK(suspended[0]["publication"]["state"] == "suspended");
  CHECK(suspended[0]["subject_id"] != s.person);  // a staff list masks
  CHECK(s.ok(s.get(pol, "/v1/disputes?publication=suspended"))["items"].empty());
  CHECK(s.ok(s.get(civ, "/v1/disputes?publication=suspended&dataset=reg"))["items"].empty());
  CHECK(s.get(civ, "/v1/disputes?publication=paused").status == 400);
  CHECK(s.get(civ, "/v1/disputes?dataset=nosuch").status == 400);

  const auto task = s.sql("SELECT id FROM tasks WHERE dispute_id = " + std::to_string(id));
  const auto answered =
      s.post(civ, "/v1/tasks/" + task + "/answer", json{{"answer", "withdrawn"}, {"reason", "a home address"}});
  CHECK(answered.status == 200);
  CHECK(s.ok(s.get(civ, "/v1/disputes?publication=suspended"))["items"].empty());
  const auto read = s.ok(s.get(citizen, "/v1/disputes/" + std::to_string(id)));
  CHECK(read["publication"]["state"] == "withdrawn");
  CHECK(read["result"] == "withdrawn");
  CHECK(s.ok(s.get(civ, "/v1/disputes?publication=withdrawn"))["items"].size() == 1);
  CHECK(s.sql("SELECT string_agg(kind, ',' ORDER BY id) FROM outbox WHERE recipient = 'open_data'") ==
        "publication_suspended,publication_withdrawn");
}

TEST_CASE("a withdrawal request that contradicts the dataset's publication is refused naming the field") {
  WorkflowServer s;
  for (auto& d : s.catalogue.datasets)
    if (d.id == "aid") d.published = true;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto body = s.filing(s.person);
  body["withdrawal"] = true;
  body["publication_suspended"] = false;
  const auto refused = s.post(citizen, "/v1/disputes", body);
  CHECK(refused.status == 422);
  CHECK(WorkflowServer::errors(refused).count("/publication_suspended") == 1);
  body.erase("publication_suspended");
  body.erase("dataset_id");
  body["agency_code"] = "civ";
  const auto no_dataset = s.post(citizen, "/v1/disputes", body);
  CHECK(no_dataset.status == 422);
  CHECK(WorkflowServer::errors(no_dataset).count("/dataset_id") == 1);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "0");
  // A dispute carries no publication.
  CHECK(s.ok(s.post(citizen, "/v1/disputes", s.filing(s.person)))["publication"].is_null());
}
