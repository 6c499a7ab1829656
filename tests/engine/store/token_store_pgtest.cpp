#include <doctest/doctest.h>

#include <chrono>

#include "engine/error.hpp"
#include "engine/store/token_store.hpp"
#include "rules/ids/id_generator.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe;
using engine::auth::Role;
using engine::store::TokenSpec;
using engine::store::TokenStore;

namespace {

const engine::Instant kNow = testing::local_time(2026, 11, 27, 8);

std::string citizen_id() {
  return rules::ids::make_citizen_id(
      "330106", std::chrono::year_month_day(std::chrono::year(1990), std::chrono::month(3), std::chrono::day(7)), 11);
}

TokenSpec citizen_spec(std::string subject) {
  TokenSpec spec;
  spec.role = Role::kCitizen;
  spec.subject_id = std::move(subject);
  return spec;
}

}  // namespace

TEST_CASE("a created token authenticates as its role and subject and only its hash is stored") {
  testing::TestDatabase db;
  TokenStore tokens(db.url());
  const auto created = tokens.create(citizen_spec(citizen_id()), kNow);
  CHECK(created.token.size() == 64);
  const auto caller = tokens.authenticate(created.token, kNow);
  REQUIRE(caller);
  CHECK(caller->token_id == created.id);
  CHECK(caller->role == Role::kCitizen);
  CHECK(caller->subject_id == citizen_id());
  CHECK(db.query_value("SELECT count(*) FROM api_tokens WHERE token_hash = '" + created.token + "'") == "0");
  CHECK(db.query_value("SELECT token_hash FROM api_tokens") == engine::store::token_hash(created.token));
  CHECK_FALSE(tokens.authenticate(created.token + "0", kNow));
  CHECK_FALSE(tokens.authenticate("", kNow));
}

TEST_CASE("two tokens are never equal") {
  testing::TestDatabase db;
  TokenStore tokens(db.url());
  TokenSpec admin;
  admin.role = Role::kAdmin;
  CHECK(tokens.create(admin, kNow).token != tokens.create(admin, kNow).token);
}

TEST_CASE("revoked and expired tokens are refused") {
  testing::TestDatabase db;
  TokenStore tokens(db.url());
  TokenSpec agency;
  agency.role = Role::kAgency;
  agency.agency_code = "civ";
  agency.expires_at = kNow + std::chrono::hours(1);
  const auto expiring = tokens.create(agency, kNow);
  const auto caller = tokens.authenticate(expiring.token, kNow);
  REQUIRE(caller);
  CHECK(caller->agency_code == "civ");
  CHECK_FALSE(tokens.authenticate(expiring.token, kNow + std::chrono::hours(1)));

  agency.expires_at.reset();
  const auto revoked = tokens.create(agency, kNow);
  tokens.revoke(revoked.id, kNow);
  CHECK_FALSE(tokens.authenticate(revoked.token, kNow));
  const auto listed = tokens.list();
  REQUIRE(listed.size() == 2);
  CHECK(listed[1].revoked_at == kNow);
  CHECK_THROWS_AS(tokens.revoke(999, kNow), engine::Error);
}

TEST_CASE("a citizen token needs a valid identifier and the error names the reason not the number") {
  testing::TestDatabase db;
  TokenStore tokens(db.url());
  std::string bad = citizen_id();
  bad.back() = bad.back() == '1' ? '2' : '1';
  try {
    tokens.create(citizen_spec(bad), kNow);
    FAIL("an invalid identifier was accepted");
  } catch (const engine::Error& e) {
    CHECK(e.code() == engine::ErrorCode::kInvalidInput);
    CHECK(std::string(e.what()).find("check_character") != std::string::npos);
    CHECK(std::string(e.what()).find(bad) == std::string::npos);
  }
  CHECK_THROWS_AS(tokens.create(citizen_spec(""), kNow), engine::Error);
  TokenSpec agency;
  agency.role = Role::kAgency;
  CHECK_THROWS_AS(tokens.create(agency, kNow), engine::Error);
}
