#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using jiaohe::testing::http_request;
using nlohmann::json;

namespace {

// The shared workflow server, plus the POST of a filing.
struct DisputeServer : testing::WorkflowServer {
  testing::HttpResult post_dispute(const std::string& token, const std::string& body) {
    return post_raw(token, "/v1/disputes", body);
  }
  json problem_errors(const testing::HttpResult& r) { return json::parse(r.body)["errors"]; }
};

}  // namespace

TEST_CASE("a citizen files a dispute and reads it back with its deadline and history") {
  DisputeServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto filed = s.post_dispute(citizen, s.filing(s.person).dump());
  REQUIRE(filed.status == 201);
  const auto created = json::parse(filed.body);
  const auto id = created["id"].get<std::int64_t>();
  CHECK(filed.headers["location"] == "/v1/disputes/" + std::to_string(id));
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");

  const auto read = http_request(s.port, "GET", "/v1/disputes/" + std::to_string(id), "", s.headers(citizen));
  REQUIRE(read.status == 200);
  const auto d = json::parse(read.body);
  CHECK(d["status"] == "open");
  CHECK(d["subject_id"] == s.person);
  CHECK(d["agency_code"] == created["agency_code"]);
  const auto deadline = d["deadline"].get<std::string>();
  CHECK(deadline.size() > 6);
  CHECK(deadline.substr(deadline.size() - 6) == "+08:00");
  CHECK(d["filed_at"] == "2026-11-27T08:00:00+08:00");
  REQUIRE(d["history"].size() >= 1);
  CHECK(d["history"][0]["action"] == "opened");
}

TEST_CASE("citizen B cannot see citizen A's dispute nor file for A") {
  DisputeServer s;
  const auto a = s.token(Role::kCitizen, s.person);
  const auto b = s.token(Role::kCitizen, s.other);
  const auto filed = s.post_dispute(a, s.filing(s.person).dump());
  REQUIRE(filed.status == 201);
  const auto target = "/v1/disputes/" + std::to_string(json::parse(filed.body)["id"].get<std::int64_t>());
  CHECK(http_request(s.port, "GET", target, "", s.headers(b)).status == 404);
  CHECK(http_request(s.port, "GET", "/v1/disputes/999999", "", s.headers(a)).status == 404);
  CHECK(s.post_dispute(b, s.filing(s.person).dump()).status == 403);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");
}

TEST_CASE("staff reads follow the role and are recorded in the access log") {
  DisputeServer s;
  const auto authority = s.token(Role::kAuthority);
  const auto filed = s.post_dispute(authority, s.filing(s.person).dump());
  REQUIRE(filed.status == 201);
  const auto d = json::parse(filed.body);
  CHECK(d["channel"] == "authority");
  const auto target = "/v1/disputes/" + std::to_string(d["id"].get<std::int64_t>());
  CHECK(http_request(s.port, "GET", target, "", s.headers(authority)).status == 200);
  CHECK(http_request(s.port, "GET", target, "", s.headers(s.token(Role::kAgency, "", d["agency_code"]))).status == 200);
  CHECK(http_request(s.port, "GET", target, "", s.headers(s.token(Role::kAgency, "", "nobody"))).status == 404);
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_dispute'") == "2");
  // An agency may not file at all: the whole route is refused.
  CHECK(s.post_dispute(s.token(Role::kAgency, "", "civ"), s.filing(s.person).dump()).status == 403);
}

TEST_CASE("no token or an unknown or revoked token is answered 401 with WWW-Authenticate") {
  DisputeServer s;
  auto none = http_request(s.port, "POST", "/v1/disputes", s.filing(s.person).dump());
  CHECK(none.status == 401);
  CHECK(none.headers["www-authenticate"] == "Bearer");
  CHECK(none.headers["content-type"] == "application/problem+json");
  auto unknown = s.post_dispute(std::string(64, 'a'), s.filing(s.person).dump());
  CHECK(unknown.status == 401);
  CHECK(unknown.headers["www-authenticate"].find("invalid_token") != std::string::npos);
  engine::store::TokenSpec spec;
  spec.role = Role::kCitizen;
  spec.subject_id = s.person;
  const auto revoked = s.tokens.create(spec, s.clock.now());
  s.tokens.revoke(revoked.id, s.clock.now());
  CHECK(http_request(s.port, "GET", "/v1/disputes/1", "", s.headers(revoked.token)).status == 401);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "0");
}

TEST_CASE("malformed JSON is answered 400") {
  DisputeServer s;
  const auto r = s.post_dispute(s.token(Role::kCitizen, s.person), "{\"subject_id\": ");
  CHECK(r.status == 400);
  CHECK(json::parse(r.body)["status"] == 400);
}

TEST_CASE("unknown fields wrong types and missing fields are answered 422 naming each field") {
  DisputeServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  auto body = s.filing(s.person);
  body["descripton"] = "typo";
  body["withdrawal"] = "yes";
  body.erase("description");
  const auto r = s.post_dispute(citizen, body.dump());
  CHECK(r.status == 422);
  std::map<std::string, std::string> by_pointer;
  for (const auto& e : s.problem_errors(r)) by_pointer[e["pointer"]] = e["detail"];
  CHECK(by_pointer["/descripton"].find("did you mean 'description'") != std::string::npos);
  CHECK(by_pointer["/withdrawal"] == "must be true or false");
  CHECK(by_pointer["/description"] == "required");
  CHECK(s.post_dispute(citizen, "[1, 2]").status == 422);
}

TEST_CASE("an invalid identifier is answered 422 with the validator's reason and without the number") {
  DisputeServer s;
  std::string bad = s.person;
  bad.back() = bad.back() == '1' ? '2' : '1';
  const auto r = s.post_dispute(s.token(Role::kAuthority), s.filing(bad).dump());
  CHECK(r.status == 422);
  const auto errors = s.problem_errors(r);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]["pointer"] == "/subject_id");
  CHECK(errors[0]["reason"] == "check_character");
  CHECK(r.body.find(bad) == std::string::npos);
}

TEST_CASE("a wrong method on the disputes routes is answered 405 with Allow") {
  DisputeServer s;
  auto r = http_request(s.port, "DELETE", "/v1/disputes/1");
  CHECK(r.status == 405);
  CHECK(r.headers["allow"] == "GET");
  CHECK(http_request(s.port, "PUT", "/v1/disputes").headers["allow"] == "POST, GET");
}
