// The task endpoints over real sockets: queue, evidence, answers, extensions, forwarding.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "jobs/deadline_sweeper.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using engine::disputes::FilingChannel;
using nlohmann::json;
using testing::WorkflowServer;

TEST_CASE("walk-through: a citizen files and the agency sees the task with its deadline answers it and the citizen reads the result") {
  WorkflowServer s;
  s.scan();  // the values the agency compares against
  const auto citizen = s.token(Role::kCitizen, s.person);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto filed = s.ok(s.post(citizen, "/v1/disputes",
                                 json{{"subject_id", s.person}, {"dataset_id", "aid"}, {"attribute", "person.name"},
                                      {"claimed_value", "张三"}, {"description", "my name is misspelt"}}));

  const auto queue = s.ok(s.get(civ, "/v1/tasks?kind=verify_dispute"));
  REQUIRE(queue["items"].size() == 1);
  const auto& listed = queue["items"][0];
  CHECK(listed["dispute_id"] == filed["id"]);
  CHECK(listed["status"] == "open");
  CHECK(listed["due_at"] == "2026-12-05T00:00:00+08:00");  // 5 working days (Art. 19 ¶1)
  CHECK(listed["overdue"] == false);
  const auto task_id = listed["id"].get<std::int64_t>();

  const auto task = s.ok(s.get(civ, WorkflowServer::task_path(task_id)));
  CHECK(task["dispute"]["id"] == filed["id"]);
  CHECK(task["values_source"] == "dispute_evidence");
  std::set<std::string> held;
  for (const auto& v : task["values"]) held.insert(v["agency_code"].get<std::string>() + "=" + v["value"].get<std::string>());
  CHECK(held == std::set<std::string>{"civ=张叁", "pol=张三"});
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_task'") == "1");

  const auto answered = s.ok(s.post(civ, WorkflowServer::task_path(task_id, "/answer"),
                                    json{{"answer", "corrected"}, {"reason", "spelling fixed at the source"}}));
  CHECK(answered["status"] == "closed");
  CHECK(answered["resolution"] == "corrected");

  const auto dispute = s.ok(s.get(citizen, "/v1/disputes/" + std::to_string(filed["id"].get<std::int64_t>())));
  CHECK(dispute["status"] == "resolved");
  CHECK(dispute["result"] == "corrected");
  CHECK(dispute["result_reason"] == "spelling fixed at the source");
}

TEST_CASE("agency pol can neither see nor act on agency civ's task") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto pol = s.token(Role::kAgency, "", "pol");
  const auto civ = s.token(Role::kAgency, "", "civ");
  CHECK(s.ok(s.get(pol, "/v1/tasks"))["items"].empty());
  CHECK(s.ok(s.get(pol, "/v1/tasks?assignee=civ"))["items"].empty());
  CHECK(s.get(pol, WorkflowServer::task_path(filed.task_id)).status == 404);
  CHECK(s.get(pol, WorkflowServer::task_path(filed.task_id, "/events")).status == 404);
  CHECK(s.post(pol, WorkflowServer::task_path(filed.task_id, "/answer"), json{{"answer", "corrected"}}).status == 404);
  CHECK(s.post(pol, WorkflowServer::task_path(filed.task_id, "/extension"), json{{"reason", "busy"}}).status == 404);
  CHECK(s.post(pol, WorkflowServer::task_path(filed.task_id, "/extension/decision"),
               json{{"approve", true}, {"reason", "ok"}, {"approver_name", "head"}})
            .status == 404);
  CHECK(s.get(pol, WorkflowServer::task_path(999999)).status == 404);
  CHECK(s.get(pol, "/v1/tasks/abc").status == 404);
  CHECK(s.sql("SELECT status FROM tasks WHERE id = " + std::to_string(filed.task_id)) == "open");
  CHECK(s.ok(s.get(civ, "/v1/tasks"))["items"].size() == 1);
  // The authority sees it but does not answer an agency's task.
  const auto authority = s.token(Role::kAuthority);
  CHECK(s.get(authority, WorkflowServer::task_path(filed.task_id)).status == 200);
  CHECK(s.post(authority, WorkflowServer::task_path(filed.task_id, "/answer"), json{{"answer", "corrected"}}).status == 403);
  // Citizens have no queue at all.
  CHECK(s.get(s.token(Role::kCitizen, s.person), "/v1/tasks").status == 403);
}

TEST_CASE("queue filters status kind dataset assignee due_before and overdue each narrow the list") {
  WorkflowServer s;
  s.scan_and_open();  // civ/aid/BL-CONF-001 and pol/reg/BL-REQ-001, due in 10 working days
  const auto conflict = s.task_of_rule("BL-CONF-001");
  const auto missing = s.task_of_rule("BL-REQ-001");
  const auto dispute = s.file(s.person).task_id;                                    // civ, due 2026-12-05
  const auto withdrawal = s.file(s.other, FilingChannel::kAgency, true).task_id;     // civ, due in 24 hours
  const auto forward = s.file(s.person, FilingChannel::kAuthority).task_id;          // authority
  const auto authority = s.token(Role::kAuthority);
  const auto civ = s.token(Role::kAgency, "", "civ");
  s.ok(s.post(civ, WorkflowServer::task_path(conflict, "/answer"), json{{"answer", "rejected"}, {"reason", "not ours"}}));

  using Ids = std::set<std::int64_t>;
  const auto ids = [&](const std::string& token, const std::string& query) {
    return WorkflowServer::ids(s.ok(s.get(token, "/v1/tasks" + query))["items"]);
  };
  CHECK(ids(authority, "") == Ids{conflict, missing, dispute, withdrawal, forward});
  CHECK(ids(civ, "") == Ids{conflict, dispute, withdrawal});
  CHECK(ids(authority, "?status=closed") == Ids{conflict});
  CHECK(ids(authority, "?status=open") == Ids{missing, dispute, withdrawal, forward});
  CHECK(ids(authority, "?kind=verify_finding") == Ids{conflict, missing});
  CHECK(ids(authority, "?kind=verify_withdrawal") == Ids{withdrawal});
  CHECK(ids(authority, "?dataset=reg") == Ids{missing});
  CHECK(ids(authority, "?assignee=authority") == Ids{forward});
  CHECK(ids(civ, "?kind=verify_finding&status=open").empty());
  CHECK(ids(authority, "?due_before=2026-11-29") == Ids{withdrawal});
  CHECK(ids(authority, "?due_before=2026-12-05T00:00:01") == Ids{withdrawal, dispute, forward});
  CHECK(ids(authority, "?due_before=2026-12-04T16:00:01Z") == Ids{withdrawal, dispute, forward});
  CHECK(ids(authority, "?overdue=true").empty());

  s.clock.set(testing::local_time(2026, 11, 30, 9));  // Monday: the 24 hours are gone
  CHECK(ids(authority, "?overdue=true") == Ids{withdrawal});
  CHECK(ids(authority, "?overdue=false") == Ids{conflict, missing, dispute, forward});
  CHECK(s.ok(s.get(civ, WorkflowServer::task_path(withdrawal)))["overdue"] == true);
}

TEST_CASE("the queue pages newest first and returns every task exactly once") {
  WorkflowServer s;
  std::set<std::int64_t> filed;
  for (int i = 0; i < 7; ++i) filed.insert(s.file(i % 2 ? s.person : s.other).task_id);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto items = s.all_pages(civ, "/v1/tasks", 3);
  CHECK(items.size() == 7);
  CHECK(WorkflowServer::ids(items) == filed);
  for (std::size_t i = 1; i < items.size(); ++i) CHECK(items[i - 1]["id"].get<std::int64_t>() > items[i]["id"].get<std::int64_t>());
  CHECK(s.all_pages(civ, "/v1/tasks?kind=verify_dispute", 7).size() == 7);
}

TEST_CASE("bad queue filters are answered 400 naming the parameter") {
  WorkflowServer s;
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto refused = [&](const std::string& query, const std::string& parameter) {
    const auto r = s.get(civ, "/v1/tasks?" + query);
    INFO(query, " ", r.body);
    CHECK(r.status == 400);
    auto errors = WorkflowServer::errors(r);
    CHECK(errors.count(parameter) == 1);
    return errors[parameter];
  };
  CHECK(refused("status=done", "status").find("in_progress") != std::string::npos);
  refused("kind=finding", "kind");
  refused("overdue=yes", "overdue");
  refused("due_before=tomorrow", "due_before");
  refused("due_before=2026-02-30", "due_before");
  refused("dataset=nope", "dataset");
  refused("dataset=", "dataset");
  refused("limit=0", "limit");
  refused("cursor=zz", "cursor");
  CHECK(refused("staus=open", "staus").find("did you mean 'status'") != std::string::npos);
}

TEST_CASE("answers are validated per task kind with a pointer to the bad field") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto target = WorkflowServer::task_path(filed.task_id, "/answer");
  CHECK(s.post_raw(civ, target, "{\"answer\": ").status == 400);
  auto r = s.post(civ, target, json{{"answr", "corrected"}, {"reason", 5}});
  CHECK(r.status == 422);
  auto errors = WorkflowServer::errors(r);
  CHECK(errors["/answr"].find("did you mean 'answer'") != std::string::npos);
  CHECK(errors["/answer"] == "required");
  CHECK(errors["/reason"] == "must be a string");
  r = s.post(civ, target, json{{"answer", "withdrawn"}});
  CHECK(r.status == 422);
  CHECK(WorkflowServer::errors(r)["/answer"].find("confirmed_accurate") != std::string::npos);
  r = s.post(civ, target, json{{"answer", "rejected"}});
  CHECK(r.status == 422);
  CHECK(WorkflowServer::errors(r).count("/reason") == 1);
  CHECK(s.sql("SELECT status FROM tasks WHERE id = " + std::to_string(filed.task_id)) == "open");
}

TEST_CASE("answering a finding task settles its findings and a closed task refuses a second answer with 409") {
  WorkflowServer s;
  s.scan_and_open();
  const auto id = s.task_of_rule("BL-REQ-001");
  const auto pol = s.token(Role::kAgency, "", "pol");
  const auto task = s.ok(s.get(pol, WorkflowServer::task_path(id)));
  REQUIRE(task["findings"].size() == 1);
  CHECK(task["findings"][0]["rule_id"] == "BL-REQ-001");
  CHECK(task["findings"][0]["dataset_id"] == "reg");
  CHECK(task["findings"][0]["record_key"] == "r2");
  CHECK(task["findings"][0]["attribute"] == "person.name");
  CHECK(task["findings"][0]["status"] == "open");
  CHECK(task["dispute"].is_null());
  CHECK(task["values_source"] == "canonical_values");
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_task' AND subject_id = '" + s.other + "'") == "1");

  const auto answered = s.ok(s.post(pol, WorkflowServer::task_path(id, "/answer"),
                                    json{{"answer", "confirmed_accurate"}, {"reason", "the name is withheld by law"}}));
  CHECK(answered["status"] == "closed");
  CHECK(answered["closed_at"] == "2026-11-27T08:00:00+08:00");  // the answer says when it closed
  const auto read = s.ok(s.get(pol, WorkflowServer::task_path(id)));
  CHECK(read["closed_at"] == answered["closed_at"]);
  CHECK(read["findings"][0]["status"] == "accepted");
  const auto again = s.post(pol, WorkflowServer::task_path(id, "/answer"), json{{"answer", "corrected"}});
  CHECK(again.status == 409);
  CHECK(json::parse(again.body)["detail"].get<std::string>().find("closed") != std::string::npos);
}

TEST_CASE("an extension is asked by the assignee and decided by a head of the agency, recorded by name") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto head = s.person_token("civ", "H01", "director zhao", true);
  const auto authority = s.token(Role::kAuthority);
  const auto decision = WorkflowServer::task_path(filed.task_id, "/extension/decision");
  const json approve{{"approve", true}, {"reason", "records search needed"}};
  CHECK(s.post(head, decision, approve).status == 409);  // nothing asked yet

  auto r = s.post(civ, WorkflowServer::task_path(filed.task_id, "/extension"), json{{"reason", "busy"}, {"amount", 11}});
  CHECK(r.status == 422);
  CHECK(WorkflowServer::errors(r)["/amount"].find("maximum of 10") != std::string::npos);
  CHECK(s.post(civ, WorkflowServer::task_path(filed.task_id, "/extension"), json{{"amount", "5"}}).status == 422);
  const auto asked = s.ok(s.post(civ, WorkflowServer::task_path(filed.task_id, "/extension"),
                                 json{{"reason", "needs a records search"}}));
  CHECK(asked["status"] == "extension_requested");

  CHECK(s.post(authority, decision, approve).status == 403);
  // An agency-wide token no longer decides with a typed name: the head is a person (Art. 19 ¶1).
  CHECK(s.post(civ, decision, json{{"approve", true}, {"reason", "ok"}, {"approver_name", "director zhao"}}).status ==
        403);
  r = s.post(head, decision, json{{"approve", true}, {"reason", ""}});
  CHECK(r.status == 422);
  CHECK(WorkflowServer::errors(r).count("/reason") == 1);
  const auto decided = s.ok(s.post(head, decision, approve));
  CHECK(decided["status"] == "in_progress");
  CHECK(decided["due_at"] == "2026-12-12T00:00:00+08:00");
  CHECK(decided["deadline_version"] == 2);
  CHECK(s.sql("SELECT actor FROM task_events WHERE action = 'approve_extension'").find("director zhao (token ") == 0);

  r = s.post(civ, WorkflowServer::task_path(filed.task_id, "/extension"), json{{"reason", "more"}});
  CHECK(r.status == 409);  // a deadline is extended at most once
}

TEST_CASE("the authority forwards a dispute filed with it and the agency's task is timed from then") {
  WorkflowServer s;
  const auto filed = s.file(s.person, FilingChannel::kAuthority);
  const auto authority = s.token(Role::kAuthority);
  const auto civ = s.token(Role::kAgency, "", "civ");
  CHECK(s.get(civ, WorkflowServer::task_path(filed.task_id)).status == 404);
  CHECK(s.post_raw(civ, WorkflowServer::task_path(filed.task_id, "/forward"), "").status == 403);  // not the agency's route
  CHECK(s.post(authority, WorkflowServer::task_path(filed.task_id, "/answer"), json{{"answer", "corrected"}}).status == 409);
  CHECK(s.post(authority, WorkflowServer::task_path(filed.task_id, "/forward"), json{{"to", "civ"}}).status == 422);

  s.clock.set(testing::local_time(2026, 11, 30, 9));
  const auto r = s.post_raw(authority, WorkflowServer::task_path(filed.task_id, "/forward"), "");
  const auto next = s.ok(r);
  CHECK(r.status == 201);
  // /openapi.json documents the status the route answers with.
  const auto doc = s.ok(s.get(authority, "/openapi.json"));
  CHECK(doc["paths"]["/v1/tasks/{id}/forward"]["post"]["responses"].contains("201"));
  CHECK_FALSE(doc["paths"]["/v1/tasks/{id}/forward"]["post"]["responses"].contains("200"));
  CHECK(r.headers.at("location") == WorkflowServer::task_path(next["id"].get<std::int64_t>()));
  CHECK(next["kind"] == "verify_dispute");
  CHECK(next["assignee"] == "civ");
  CHECK(next["parent_task_id"] == filed.task_id);
  CHECK(next["due_at"] == "2026-12-08T00:00:00+08:00");
  CHECK(s.ok(s.get(civ, "/v1/tasks"))["items"].size() == 1);
  CHECK(s.post(authority, WorkflowServer::task_path(filed.task_id, "/forward"), json::object()).status == 409);
  CHECK(s.post_raw(authority, WorkflowServer::task_path(next["id"].get<std::int64_t>(), "/forward"), "").status == 403);
}

TEST_CASE("a task's events are its whole history oldest first with the acting token") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto civ = s.token(Role::kAgency, "", "civ");
  s.ok(s.post(civ, WorkflowServer::task_path(filed.task_id, "/answer"), json{{"answer", "corrected"}}));
  const auto events = s.ok(s.get(civ, WorkflowServer::task_path(filed.task_id, "/events")))["items"];
  std::vector<std::string> actions;
  for (const auto& e : events) actions.push_back(e["action"]);
  CHECK(actions == std::vector<std::string>{"opened", "flags_set", "answer", "close", "flags_cleared", "party_notified"});
  CHECK(events[2]["actor"].get<std::string>().rfind("token ", 0) == 0);
  CHECK(events[2]["actor_role"] == "agency");
  CHECK(events[2]["before"]["status"] == "open");
  CHECK(events[2]["after"]["status"] == "answered");
  CHECK(events[0]["at"] == "2026-11-27T08:00:00+08:00");
}

TEST_CASE("an agency reports a rectification order carried out once it has answered the overdue task") {
  testing::WorkflowServer s;
  const auto overdue = s.file(s.person).task_id;  // civ's dispute task, due 2026-12-05 00:00
  jobs::DeadlineSweeper(s.db.url(), s.setup).run_once(testing::local_time(2026, 12, 5, 1));
  const auto order = std::stoll(s.sql("SELECT id FROM tasks WHERE kind = 'rectify' AND parent_task_id = " +
                                      std::to_string(overdue)));
  s.clock.set(testing::local_time(2026, 12, 7, 9));
  const auto civ = s.token(Role::kAgency, "", "civ");

  const auto early = s.post(civ, s.task_path(order, "/answer"), {{"answer", "rectified"}, {"reason", "staff trained"}});
  CHECK(early.status == 409);
  CHECK(json::parse(early.body)["detail"].get<std::string>().find("overdue task") != std::string::npos);
  CHECK(s.post(civ, s.task_path(order, "/answer"), {{"answer", "rectified"}}).status == 422);  // what was done?

  s.ok(s.post(civ, s.task_path(overdue, "/answer"), {{"answer", "corrected"}}));
  const auto done = s.ok(s.post(civ, s.task_path(order, "/answer"), {{"answer", "rectified"}, {"reason", "staff trained"}}));
  CHECK(done["status"] == "closed");
  CHECK(done["resolution"] == "rectified");
  CHECK(s.sql("SELECT count(*) FROM outbox WHERE kind = 'result' AND recipient = 'authority' AND task_id = " +
              std::to_string(order)) == "1");
}
