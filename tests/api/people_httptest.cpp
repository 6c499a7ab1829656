// People, not just agencies (issue 13 item 4), over real sockets: tokens naming a member of
// staff or a head, a head (and only one who did not ask) approving an extension, assignment
// and reassignment, acknowledgement, comments, events naming the person, reminders naming the
// assignee.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "jobs/deadline_sweeper.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;
using testing::WorkflowServer;

namespace {

// The last event of the task with `action`, as GET /v1/tasks/{id}/events shows it.
json last_event(WorkflowServer& s, const std::string& token, std::int64_t task, const std::string& action) {
  const auto events = s.ok(s.get(token, WorkflowServer::task_path(task, "/events")))["items"];
  json found = nullptr;
  for (const auto& e : events)
    if (e["action"] == action) found = e;
  REQUIRE_FALSE(found.is_null());
  return found;
}

}  // namespace

TEST_CASE("a head of the agency approves an extension and the requester, a clerk, an agency-wide token or another agency's head cannot") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto head_zhao = s.person_token("civ", "H01", "director zhao", true);
  const auto head_zhao_again = s.person_token("civ", "H01", "director zhao", true);  // a second token, same person
  const auto head_qian = s.person_token("civ", "H02", "deputy qian", true);
  const auto clerk = s.person_token("civ", "S01", "clerk wang");
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto pol_head = s.person_token("pol", "H01", "director sun", true);
  const auto decision = WorkflowServer::task_path(filed.task_id, "/extension/decision");
  const json approve{{"approve", true}, {"reason", "records search needed"}};

  const auto asked = s.ok(s.post(head_zhao, WorkflowServer::task_path(filed.task_id, "/extension"),
                                 json{{"reason", "needs a records search"}}));
  CHECK(asked["status"] == "extension_requested");
  CHECK(last_event(s, civ, filed.task_id, "request_extension")["person"] ==
        json{{"staff_id", "H01"}, {"name", "director zhao"}});

  for (const auto* refused : {&head_zhao, &head_zhao_again}) {
    const auto r = s.post(*refused, decision, approve);
    CHECK(r.status == 403);
    CHECK(json::parse(r.body)["detail"].get<std::string>().find("not by the one who asked") != std::string::npos);
  }
  for (const auto* refused : {&clerk, &civ}) {
    const auto r = s.post(*refused, decision, approve);
    CHECK(r.status == 403);
    CHECK(json::parse(r.body)["detail"].get<std::string>().find("a head of the agency") != std::string::npos);
  }
  CHECK(s.post(pol_head, decision, approve).status == 404);  // another agency's task is not even visible
  CHECK(s.ok(s.get(civ, WorkflowServer::task_path(filed.task_id)))["status"] == "extension_requested");

  auto r = s.post(head_qian, decision, json{{"approve", true}, {"reason", "ok"}, {"approver_name", "someone else"}});
  CHECK(r.status == 422);
  CHECK(WorkflowServer::errors(r)["/approver_name"].find("deputy qian") != std::string::npos);
  const auto decided = s.ok(s.post(head_qian, decision, approve));
  CHECK(decided["status"] == "in_progress");
  CHECK(decided["due_at"] == "2026-12-12T00:00:00+08:00");  // 10 working days (Art. 19 ¶1)
  const auto event = last_event(s, civ, filed.task_id, "approve_extension");
  CHECK(event["actor_role"] == "agency_head");
  CHECK(event["person"] == json{{"staff_id", "H02"}, {"name", "deputy qian"}});
  CHECK(event["actor"].get<std::string>().find("deputy qian (token ") == 0);
  CHECK(event["token_id"].is_number_integer());
}

TEST_CASE("a clerk assigns a task to a member of its agency, reassigns it, and the events name the clerk") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto clerk = s.person_token("civ", "S01", "clerk wang");
  const auto colleague = s.person_token("civ", "S02", "clerk chen");
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto pol = s.person_token("pol", "P01", "officer liu");
  const auto assign = WorkflowServer::task_path(filed.task_id, "/assign");

  auto r = s.post(clerk, assign, json{{"staff_id", "P01"}});  // pol's staff, not civ's
  CHECK(r.status == 422);
  CHECK(WorkflowServer::errors(r)["/staff_id"].find("staff register of civ") != std::string::npos);
  CHECK(s.post(clerk, assign, json{{"staff_id", ""}}).status == 422);
  CHECK(s.post(clerk, assign, json{}).status == 422);
  CHECK(s.post(pol, assign, json{{"staff_id", "P01"}}).status == 404);
  CHECK(s.sql("SELECT count(*) FROM task_events WHERE action = 'assign'") == "0");

  const auto assigned = s.ok(s.post(clerk, assign, json{{"staff_id", "S02"}}));
  CHECK(assigned["assigned_to"] == json{{"staff_id", "S02"}, {"name", "clerk chen"}});
  CHECK(assigned["status"] == "open");
  auto event = last_event(s, civ, filed.task_id, "assign");
  CHECK(event["person"] == json{{"staff_id", "S01"}, {"name", "clerk wang"}});
  CHECK(event["before"].count("assigned_to") == 0);
  CHECK(event["after"]["assigned_to"]["staff_id"] == "S02");

  // The queue of the one it is assigned to, and of no one.
  CHECK(WorkflowServer::ids(s.ok(s.get(colleague, "/v1/tasks?assigned_to=me"))["items"]) ==
        std::set<std::int64_t>{filed.task_id});
  CHECK(s.ok(s.get(clerk, "/v1/tasks?assigned_to=me"))["items"].empty());
  CHECK(s.ok(s.get(civ, "/v1/tasks?assigned_to=none"))["items"].empty());
  CHECK(s.get(civ, "/v1/tasks?assigned_to=me").status == 400);  // an agency-wide token names no one

  // The agency-wide token keeps working as before: it reassigns, and the event names the token.
  const auto reassigned = s.ok(s.post(civ, assign, json{{"staff_id", "S01"}}));
  CHECK(reassigned["assigned_to"]["staff_id"] == "S01");
  event = last_event(s, civ, filed.task_id, "assign");
  CHECK(event["person"].is_null());
  CHECK(event["before"]["assigned_to"]["staff_id"] == "S02");
  CHECK(event["actor"].get<std::string>().find("token ") == 0);
  CHECK(WorkflowServer::ids(s.ok(s.get(clerk, "/v1/tasks?assigned_to=me"))["items"]) ==
        std::set<std::int64_t>{filed.task_id});

  // Acknowledged by the assignee.
  const auto started = s.ok(s.post_raw(clerk, WorkflowServer::task_path(filed.task_id, "/start"), ""));
  CHECK(started["status"] == "in_progress");
  CHECK(last_event(s, civ, filed.task_id, "start")["person"]["staff_id"] == "S01");
  CHECK(s.post_raw(clerk, WorkflowServer::task_path(filed.task_id, "/start"), "").status == 409);
}

TEST_CASE("a comment shows on the task with its author, and a closed task takes none") {
  WorkflowServer s;
  const auto filed = s.file(s.person);
  const auto clerk = s.person_token("civ", "S01", "clerk wang");
  const auto inspector = s.person_token("", "A07", "inspector he");
  const auto pol = s.token(Role::kAgency, "", "pol");
  const auto comments = WorkflowServer::task_path(filed.task_id, "/comments");

  CHECK(s.post(clerk, comments, json{{"text", ""}}).status == 422);
  CHECK(s.post(clerk, comments, json{{"text", std::string(4001, 'x')}}).status == 422);
  CHECK(s.post(pol, comments, json{{"text", "not ours"}}).status == 404);
  const auto posted = s.post(clerk, comments, json{{"text", "called the registry office"}});
  CHECK(posted.status == 201);
  CHECK(json::parse(posted.body)["person"]["name"] == "clerk wang");
  CHECK(s.post(inspector, comments, json{{"text", "please answer by Friday"}}).status == 201);

  const auto task = s.ok(s.get(clerk, WorkflowServer::task_path(filed.task_id)));
  REQUIRE(task["comments"].size() == 2);
  CHECK(task["comments"][0]["text"] == "called the registry office");
  CHECK(task["comments"][0]["person"] == json{{"staff_id", "S01"}, {"name", "clerk wang"}});
  CHECK(task["comments"][1]["text"] == "please answer by Friday");
  CHECK(task["comments"][1]["actor_role"] == "authority");
  CHECK(task["comments"][1]["person"]["staff_id"] == "A07");
  CHECK(task["status"] == "open");  // a comment changes nothing else

  s.ok(s.post(clerk, WorkflowServer::task_path(filed.task_id, "/answer"),
              json{{"answer", "confirmed_accurate"}, {"reason", "the registry holds it"}}));
  CHECK(s.post(clerk, comments, json{{"text", "late note"}}).status == 409);
  CHECK(s.ok(s.get(clerk, WorkflowServer::task_path(filed.task_id)))["comments"].size() == 2);
}

TEST_CASE("a reminder names the member of staff the task is assigned to") {
  WorkflowServer s;
  const auto assigned = s.file(s.person);
  const auto unassigned = s.file(s.other);
  const auto clerk = s.person_token("civ", "S01", "clerk wang");
  s.ok(s.post(clerk, WorkflowServer::task_path(assigned.task_id, "/assign"), json{{"staff_id", "S01"}}));

  // Due 2026-12-05 00:00 (5 working days); the reminder one working day before.
  jobs::DeadlineSweeper(s.db.url(), s.setup).run_once(testing::local_time(2026, 12, 4, 12));
  const auto payload = [&](std::int64_t task) {
    return json::parse(s.sql("SELECT payload::text FROM outbox WHERE kind = 'reminder' AND task_id = " +
                             std::to_string(task)));
  };
  const auto to_clerk = payload(assigned.task_id);
  CHECK(to_clerk["to"] == json{{"unit", "civ"}, {"person", {{"staff_id", "S01"}, {"name", "clerk wang"}}}});
  CHECK(to_clerk["task"]["assigned_to"]["staff_id"] == "S01");
  CHECK(s.sql("SELECT recipient FROM outbox WHERE kind = 'reminder' AND task_id = " +
              std::to_string(assigned.task_id)) == "civ");
  const auto to_unit = payload(unassigned.task_id);
  CHECK(to_unit["to"] == json{{"unit", "civ"}, {"person", nullptr}});
}
