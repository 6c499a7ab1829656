// GET /v1/me over real sockets: each token says who it is (role, unit, the person it names and
// whether a head), a citizen's identifier only masked, and a bad query or no token is refused.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/log/mask.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;
using testing::WorkflowServer;

TEST_CASE("GET /v1/me says who each token is and what it names, and nothing more") {
  WorkflowServer s;
  const auto head = s.ok(s.get(s.person_token("civ", "H01", "director zhao", true), "/v1/me"));
  CHECK(head["role"] == "agency");
  CHECK(head["agency_code"] == "civ");
  CHECK(head["agency"].is_string());
  CHECK(head["person"] == json{{"staff_id", "H01"}, {"name", "director zhao"}, {"head", true}});
  CHECK(head["subject_id"].is_null());
  CHECK(head["token_id"].is_number_integer());

  CHECK(s.ok(s.get(s.person_token("civ", "S01", "clerk wang"), "/v1/me"))["person"]["head"] == false);
  const auto unit = s.ok(s.get(s.token(Role::kAgency, "", "civ"), "/v1/me"));
  CHECK(unit["person"].is_null());
  CHECK(unit["token_id"] != head["token_id"]);

  const auto inspector = s.ok(s.get(s.person_token("", "A07", "inspector he"), "/v1/me"));
  CHECK(inspector["role"] == "authority");
  CHECK(inspector["agency_code"].is_null());
  CHECK(inspector["person"]["name"] == "inspector he");
  CHECK(s.ok(s.get(s.token(Role::kAdmin), "/v1/me"))["role"] == "admin");

  const auto citizen = s.get(s.token(Role::kCitizen, s.person), "/v1/me");
  const auto me = s.ok(citizen);
  CHECK(me["role"] == "citizen");
  CHECK(me["subject_id"] == engine::log::mask_identifier(s.person));
  CHECK(citizen.body.find(s.person) == std::string::npos);

  CHECK(s.get(s.token(Role::kAdmin), "/v1/me?who=1").status == 400);
  CHECK(s.get("", "/v1/me").status == 401);
}
