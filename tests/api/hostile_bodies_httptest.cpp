// Bodies that are JSON but hostile: nesting deep enough to overflow a recursive walk, NUL in a
// string, bytes that are not UTF-8. Each is refused before anything is stored.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;

TEST_CASE("a body nested beyond the limit is refused with 400 naming the limit, and nothing is filed") {
  testing::WorkflowServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  auto r = s.post_raw(citizen, "/v1/disputes", deep);
  CHECK(r.status == 400);
  CHECK(json::parse(r.body)["detail"].get<std::string>().find(std::to_string(api::kMaxJsonDepth) + " levels") !=
        std::string::npos);
  // Brackets inside strings are text, not nesting.
  auto body = s.filing(s.person);
  body["description"] = std::string(100, '[');
  CHECK(s.post(citizen, "/v1/disputes", body).status == 201);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");
}

TEST_CASE("NUL in any string of a body is 422 with its pointer, never stored cut short") {
  testing::WorkflowServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto description = s.filing(s.person);
  description["description"] = std::string("d\0e", 3);
  auto r = s.post(citizen, "/v1/disputes", description);
  CHECK(r.status == 422);
  CHECK(s.errors(r).count("/description") == 1);
  auto notify = s.filing(s.person);
  notify["notify"]["address"] = std::string("138\0", 4);
  auto n = s.post(citizen, "/v1/disputes", notify);
  CHECK(n.status == 422);
  CHECK(s.errors(n).count("/notify/address") == 1);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "0");
}

TEST_CASE("a body that is not UTF-8 is 400 and the server answers the next request") {
  testing::WorkflowServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto r = s.post_raw(citizen, "/v1/disputes", "{\"description\":\"\xff\xfe\"}");
  CHECK(r.status == 400);
  CHECK(json::parse(r.body, nullptr, false).is_object());
  CHECK(s.post(citizen, "/v1/disputes", s.filing(s.person)).status == 201);
}

TEST_CASE("an identifier sent as an unknown field name or query parameter name is not echoed") {
  testing::WorkflowServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto body = s.filing(s.person);
  body[s.other] = "x";
  auto r = s.post(citizen, "/v1/disputes", body);
  CHECK(r.status == 422);
  CHECK(r.body.find(s.other) == std::string::npos);
  auto q = s.get(citizen, "/v1/disputes?" + s.other + "=1");
  CHECK(q.status == 400);
  CHECK(q.body.find(s.other) == std::string::npos);
  auto missing = s.get(citizen, "/v1/disputes/" + s.other);
  CHECK(missing.status / 100 == 4);
  CHECK(missing.body.find(s.other) == std::string::npos);
}
