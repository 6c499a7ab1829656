// The citizen's claim travels (issue 13 item 1): the dispute shows it, the agency's task shows it
// beside each agency's value and the authoritative one, the task_opened and result
// notifications carry it, and staff lists mask identifiers in it.
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

// The body of the one webhook of `kind` the receiver got.
json received(const testing::WebhookServer& receiver, const std::string& kind) {
  for (const auto& w : receiver.received())
    if (w.headers.count("X-Jiaohe-Event") && w.headers.at("X-Jiaohe-Event") == kind) return json::parse(w.body);
  FAIL("no " << kind << " webhook was received");
  return nullptr;
}

jobs::WebhookConfig deliver_to(const testing::WebhookServer& receiver) {
  jobs::WebhookConfig c;
  c.urls["civ"] = receiver.url("/civ");
  c.urls["party"] = receiver.url("/party");
  c.secret = "s3cret";
  c.retry = {3, std::chrono::seconds(60)};
  return c;
}

}  // namespace

TEST_CASE("the agency's task shows the claim beside each value and the notifications carry it") {
  WorkflowServer s;
  s.scan();  // the subject's values: the registry's (authoritative for the name) and the aid office's
  const auto citizen = s.token(Role::kCitizen, s.person);
  const auto filed = s.ok(s.post(citizen, "/v1/disputes", s.filing(s.person)));
  CHECK(filed["claimed_value"] == "张三");
  CHECK(filed["description"] == "my name is misspelt");
  const auto dispute_path = "/v1/disputes/" + std::to_string(filed["id"].get<std::int64_t>());
  const auto read = s.ok(s.get(citizen, dispute_path));
  CHECK(read["claimed_value"] == "张三");
  CHECK(read["description"] == "my name is misspelt");

  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto queue = s.ok(s.get(civ, "/v1/tasks?kind=verify_dispute"));
  REQUIRE(queue["items"].size() == 1);
  const auto task_id = queue["items"][0]["id"].get<std::int64_t>();
  const auto task = s.ok(s.get(civ, WorkflowServer::task_path(task_id)));
  CHECK(task["claim"]["attribute"] == "person.name");
  CHECK(task["claim"]["claimed_value"] == "张三");
  CHECK(task["claim"]["description"] == "my name is misspelt");
  CHECK(task["claim"]["authoritative_value"]["dataset_id"] == "reg");
  CHECK(task["claim"]["authoritative_value"]["value"] == "张三");
  // Each agency's value of the disputed attribute, with the claim beside it.
  std::map<std::string, json> by_dataset;
  for (const auto& v : task["values"])
    if (v["attribute"] == "person.name") by_dataset[v["dataset_id"].get<std::string>()] = v;
  REQUIRE(by_dataset.count("aid") == 1);
  REQUIRE(by_dataset.count("reg") == 1);
  CHECK(by_dataset["aid"]["value"] == "张叁");
  CHECK(by_dataset["aid"]["claimed_value"] == "张三");
  CHECK(by_dataset["aid"]["authoritative"] == false);
  CHECK(by_dataset["reg"]["authoritative"] == true);
  CHECK(by_dataset["reg"]["claimed_value"] == "张三");

  // The agency's webhook carries the claim; after the answer, so does the party's result.
  testing::WebhookServer receiver;
  jobs::OutboxDelivery delivery(s.db.url(), deliver_to(receiver));
  delivery.run_once(s.clock.now());
  const auto opened = received(receiver, "task_opened");
  CHECK(opened["task"]["id"] == task_id);
  CHECK(opened["claim"] == json{{"attribute", "person.name"}, {"claimed_value", "张三"}, {"description", "my name is misspelt"}});

  s.ok(s.post(civ, WorkflowServer::task_path(task_id, "/answer"), json{{"answer", "corrected"}, {"reason", "fixed the name"}}));
  delivery.run_once(s.clock.now());
  const auto result = received(receiver, "result");
  CHECK(result["result"] == "corrected");
  CHECK(result["claim"]["claimed_value"] == "张三");
  CHECK(result["claim"]["description"] == "my name is misspelt");
}

TEST_CASE("an identifier in the claim is masked in staff lists and notifications, full in the logged detail read") {
  WorkflowServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto body = s.filing(s.person);
  body["attribute"] = "person.id_number";
  body["claimed_value"] = s.other;
  body["description"] = "my number is " + s.other + ", not the one on file";
  const auto filed = s.ok(s.post(citizen, "/v1/disputes", body));
  CHECK(filed["claimed_value"] == s.other);  // the party's own text, answered to the party

  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto list = s.ok(s.get(civ, "/v1/disputes"));
  REQUIRE(list["items"].size() == 1);
  const auto masked = engine::log::mask_identifier(s.other);
  CHECK(masked != s.other);
  CHECK(list["items"][0]["claimed_value"] == masked);
  CHECK(list["items"][0]["description"] == "my number is " + masked + ", not the one on file");
  CHECK(list["items"][0]["subject_id"] == engine::log::mask_identifier(s.person));
  const auto payload = json::parse(s.sql("SELECT payload::text FROM outbox WHERE kind = 'task_opened'"));
  CHECK(payload["claim"]["claimed_value"] == masked);
  CHECK(payload["claim"]["description"].get<std::string>().find(s.other) == std::string::npos);

  const auto before = s.sql("SELECT count(*) FROM access_log");
  const auto detail = s.ok(s.get(civ, "/v1/disputes/" + std::to_string(filed["id"].get<std::int64_t>())));
  CHECK(detail["claimed_value"] == s.other);
  CHECK(std::stoi(s.sql("SELECT count(*) FROM access_log")) == std::stoi(before) + 1);
}
