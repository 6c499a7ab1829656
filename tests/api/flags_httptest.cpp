// 异议标注 acts (issue 13 item 2): a record is flagged while it is disputed or a finding on it is
// open, readable per subject and per record through GET /v1/flags, and the platform is told
// with record_flagged / record_unflagged notifications.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/log/mask.hpp"
#include "jobs/outbox_delivery.hpp"
#include "tests/api/workflow_server.hpp"
#include "tests/support/webhook_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;
using testing::WorkflowServer;

namespace {

// The platform's webhooks, by event, in the order they arrived.
std::vector<json> received(const testing::WebhookServer& receiver, const std::string& kind) {
  std::vector<json> out;
  for (const auto& w : receiver.received())
    if (w.headers.at("X-Jiaohe-Event") == kind) out.push_back(json::parse(w.body));
  return out;
}

jobs::OutboxDelivery platform_delivery(const std::string& url, const testing::WebhookServer& receiver) {
  jobs::WebhookConfig c;
  c.urls["platform"] = receiver.url("/platform");
  c.secret = "s3cret";
  c.retry = {3, std::chrono::seconds(60)};
  return jobs::OutboxDelivery(url, c);
}

}  // namespace

TEST_CASE("a flag appears while a record is disputed and disappears when the dispute is closed, with both notifications") {
  WorkflowServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  const auto authority = s.token(Role::kAuthority);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto by_subject = "/v1/flags?subject=" + s.person;
  CHECK(s.ok(s.get(authority, by_subject))["flagged"] == false);

  const auto filed = s.ok(s.post(citizen, "/v1/disputes", s.filing(s.person)));
  const auto flags = s.ok(s.get(authority, by_subject));
  CHECK(flags["flagged"] == true);
  REQUIRE(flags["items"].size() == 1);
  CHECK(flags["items"][0]["dataset_id"] == "aid");
  CHECK(flags["items"][0]["attribute"] == "person.name");
  CHECK(flags["items"][0]["assignee"] == "civ");
  CHECK(flags["items"][0]["subject_id"] == engine::log::mask_identifier(s.person));
  // The party reads its own flags (in full); the agency that verifies reads them too, logged.
  const auto own = s.ok(s.get(citizen, "/v1/flags"));
  REQUIRE(own["items"].size() == 1);
  CHECK(own["items"][0]["subject_id"] == s.person);
  CHECK(s.ok(s.get(civ, by_subject))["items"].size() == 1);
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_flags'") == "2");
  CHECK(s.ok(s.get(s.token(Role::kAgency, "", "pol"), by_subject))["items"].empty());
  CHECK(s.get(s.token(Role::kCitizen, s.other), by_subject).status == 403);

  testing::WebhookServer receiver;
  auto delivery = platform_delivery(s.db.url(), receiver);
  delivery.run_once(s.clock.now());
  const auto flagged = received(receiver, "record_flagged");
  REQUIRE(flagged.size() == 1);
  CHECK(flagged[0]["dispute_id"] == filed["id"]);
  REQUIRE(flagged[0]["flags"].size() == 1);
  CHECK(flagged[0]["flags"][0]["dataset_id"] == "aid");
  CHECK(flagged[0]["flags"][0]["subject_id"] == engine::log::mask_identifier(s.person));
  CHECK(received(receiver, "record_unflagged").empty());

  const auto task_id = s.ok(s.get(civ, "/v1/tasks?kind=verify_dispute"))["items"][0]["id"].get<std::int64_t>();
  s.ok(s.post(civ, WorkflowServer::task_path(task_id, "/answer"), json{{"answer", "corrected"}}));
  CHECK(s.ok(s.get(authority, by_subject))["flagged"] == false);
  delivery.run_once(s.clock.now());
  const auto unflagged = received(receiver, "record_unflagged");
  REQUIRE(unflagged.size() == 1);
  CHECK(unflagged[0]["task"]["id"] == task_id);
  CHECK(unflagged[0]["flags"] == flagged[0]["flags"]);
  CHECK(received(receiver, "record_flagged").size() == 1);
}

TEST_CASE("an open finding flags its record, read per record, and the flag goes when the task closes") {
  WorkflowServer s;
  s.scan_and_open();
  const auto authority = s.token(Role::kAuthority);
  const auto record = s.ok(s.get(authority, "/v1/flags?dataset=reg&record=r2"));
  CHECK(record["flagged"] == true);
  REQUIRE(record["items"].size() == 1);
  CHECK(record["items"][0]["record_key"] == "r2");
  CHECK(s.sql("SELECT count(*) FROM outbox WHERE kind = 'record_flagged' AND recipient = 'platform'") ==
        s.sql("SELECT count(*) FROM tasks WHERE kind = 'verify_finding'"));
  CHECK(s.ok(s.get(authority, "/v1/flags?dataset=reg&record=nosuch"))["flagged"] == false);

  // The registry's task answered confirmed_accurate closes: its record is no longer flagged.
  const auto pol = s.token(Role::kAgency, "", "pol");
  const auto task = s.ok(s.get(pol, "/v1/tasks?kind=verify_finding&dataset=reg"))["items"][0]["id"].get<std::int64_t>();
  s.ok(s.post(pol, WorkflowServer::task_path(task, "/answer"),
              json{{"answer", "confirmed_accurate"}, {"reason", "the name is unknown at the registry"}}));
  CHECK(s.ok(s.get(authority, "/v1/flags?dataset=reg&record=r2"))["flagged"] == false);
  CHECK(s.sql("SELECT count(*) FROM outbox WHERE kind = 'record_unflagged' AND task_id = " + std::to_string(task)) == "1");
}

TEST_CASE("a flags query names a subject or a record, and a bad one is answered 400 naming the parameter") {
  WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  CHECK(WorkflowServer::errors(s.get(authority, "/v1/flags")).count("dataset") == 1);
  CHECK(WorkflowServer::errors(s.get(authority, "/v1/flags?dataset=reg")).count("record") == 1);
  CHECK(WorkflowServer::errors(s.get(authority, "/v1/flags?dataset=nosuch&record=r1")).count("dataset") == 1);
  CHECK(WorkflowServer::errors(s.get(authority, "/v1/flags?subject=123")).count("subject") == 1);
  CHECK(WorkflowServer::errors(s.get(authority, "/v1/flags?subject=" + s.person + "&dataset=reg&record=r1"))
            .count("subject") == 1);
  CHECK(s.get(authority, "/v1/flags?subjct=x").status == 400);
}
