// GET /v1/datasets/publication over real sockets: a dataset whose exposure task is open is
// listed suspended (to the authority and the dataset's agency only), and resumed once the
// agency's answer closes its last exposure task.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;
using testing::WorkflowServer;

namespace {

// The aid office's dataset opened unconditionally, and a rule of the exposure kind: its
// identifier and phone columns are personal data in open data.
void publish_aid_with_exposure_rule(WorkflowServer& s) {
  for (auto& d : s.catalogue.datasets)
    if (d.id == "aid") {
      d.published = true;
      d.opening_class = engine::catalog::OpeningClass::kUnconditional;
    }
  const auto exposure = rules::parse_rule_pack(
      json{{"pack", "exposure"},
           {"version", "1"},
           {"rules", json::array({{{"id", "EXP-001"},
                                   {"version", 1},
                                   {"kind", "personal_data_exposure"},
                                   {"severity", "error"},
                                   {"targets", json::object()},
                                   {"legal_basis", "Art. 44 para. 3"},
                                   {"deadline", {{"immediately", true}}}}})}},
      "exposure-pack.json");
  s.pack.rules.push_back(exposure.rules[0]);
}

}  // namespace

TEST_CASE("the datasets an exposure suspended are read by the authority and their agency") {
  WorkflowServer s;
  publish_aid_with_exposure_rule(s);
  const auto authority = s.token(Role::kAuthority);
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto pol = s.token(Role::kAgency, "", "pol");
  CHECK(s.ok(s.get(authority, "/v1/datasets/publication"))["items"].empty());

  s.scan_and_open();
  const auto task = s.task_of_rule("EXP-001");
  const auto listed = s.ok(s.get(authority, "/v1/datasets/publication?state=suspended"))["items"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["dataset_id"] == "aid");
  CHECK(listed[0]["agency"] == "civ");
  CHECK(listed[0]["state"] == "suspended");
  CHECK(listed[0]["since"] == "2026-11-27T08:00:00+08:00");
  CHECK(listed[0]["task_id"] == task);
  CHECK(listed[0]["open_tasks"] == json::array({task}));
  CHECK(s.ok(s.get(civ, "/v1/datasets/publication?dataset=aid"))["items"].size() == 1);
  CHECK(s.ok(s.get(pol, "/v1/datasets/publication"))["items"].empty());  // not its dataset
  CHECK(s.ok(s.get(authority, "/v1/datasets/publication?state=resumed"))["items"].empty());
  CHECK(s.get(authority, "/v1/datasets/publication?state=paused").status == 400);
  CHECK(s.get(authority, "/v1/datasets/publication?dataset=nosuch").status == 400);
  CHECK(s.get(s.token(Role::kCitizen, s.person), "/v1/datasets/publication").status == 403);

  // The agency rejects the finding: its last exposure task closes and the dataset resumes.
  s.clock.advance(std::chrono::hours(1));
  const auto answered = s.post(civ, WorkflowServer::task_path(task, "/answer"),
                               json{{"answer", "rejected"}, {"reason", "the numbers are test cards"}});
  CHECK(answered.status == 200);
  const auto resumed = s.ok(s.get(civ, "/v1/datasets/publication"))["items"];
  REQUIRE(resumed.size() == 1);
  CHECK(resumed[0]["state"] == "resumed");
  CHECK(resumed[0]["since"] == "2026-11-27T09:00:00+08:00");
  CHECK(resumed[0]["open_tasks"].empty());
  CHECK(s.ok(s.get(authority, "/v1/datasets/publication?state=suspended"))["items"].empty());
  CHECK(s.sql("SELECT string_agg(kind, ',' ORDER BY id) FROM outbox WHERE recipient = 'open_data'") ==
        "publication_suspended,publication_resumed");
}
