// Accountability of personal-data reads over real sockets (Art. 20, 39): access_log cannot be
// changed, a citizen reads exactly the staff reads of its data, staff lists mask identifiers
// (the full ones are in the logged detail reads), and the authority's access report per agency.
#include <doctest/doctest.h>

#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/log/mask.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;
using testing::WorkflowServer;

namespace {

// role, agency_code, action, resource, route: what the citizen is told about one read.
using Read = std::tuple<std::string, std::string, std::string, std::string, std::string>;

std::set<Read> reads_in(const std::vector<json>& items) {
  std::set<Read> out;
  for (const auto& i : items)
    out.insert({i["role"], i["agency_code"].is_null() ? "" : i["agency_code"].get<std::string>(), i["action"],
                i["resource"], i["route"]});
  return out;
}

std::string path_of(const char* base, std::int64_t id) { return std::string(base) + std::to_string(id); }

// The statement's error, or "" when it succeeded.
std::string refusal_of(WorkflowServer& s, const std::string& statement) {
  try {
    s.sql(statement);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

// A scan (a conflict about `person` in civ's aid dataset, a missing name of `other` in pol's
// registry) and a dispute by `person` with civ.
struct Reads : WorkflowServer {
  std::int64_t dispute = 0, dispute_task = 0, conflict = 0, missing = 0;
  std::string civ = token(Role::kAgency, "", "civ"), pol = token(Role::kAgency, "", "pol"),
              authority = token(Role::kAuthority), citizen = token(Role::kCitizen, person),
              other_citizen = token(Role::kCitizen, other);
  Reads() {
    scan_and_open();
    const auto filed = file(person);
    dispute = filed.dispute_id;
    dispute_task = filed.task_id;
    conflict = std::stoll(sql("SELECT id FROM findings WHERE rule_id = 'BL-CONF-001'"));
    missing = std::stoll(sql("SELECT id FROM findings WHERE rule_id = 'BL-REQ-001'"));
  }
};

}  // namespace

TEST_CASE("access_log is append-only: an UPDATE, a DELETE and a TRUNCATE all fail and the entry stays") {
  Reads s;
  s.ok(s.get(s.civ, path_of("/v1/disputes/", s.dispute)));
  REQUIRE(s.sql("SELECT count(*) FROM access_log") == "1");
  CHECK(refusal_of(s, "UPDATE access_log SET subject_id = NULL").find("append-only") != std::string::npos);
  CHECK(refusal_of(s, "DELETE FROM access_log").find("append-only") != std::string::npos);
  CHECK(refusal_of(s, "TRUNCATE access_log").find("append-only") != std::string::npos);
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE subject_id = '" + s.person + "'") == "1");
  // Who, what, whose and why, as written.
  CHECK(s.sql("SELECT concat_ws('|', role, agency_code, action, resource, route) FROM access_log") ==
        "agency|civ|read_dispute|/v1/disputes/" + std::to_string(s.dispute) + "|GET /v1/disputes/{id}");
}

TEST_CASE("a citizen reads exactly the staff reads of its own data, with when and which agency") {
  Reads s;
  // Reads of the person's data: civ's dispute and task, the authority's finding.
  s.ok(s.get(s.civ, path_of("/v1/disputes/", s.dispute)));
  s.ok(s.get(s.civ, path_of("/v1/tasks/", s.dispute_task)));
  s.ok(s.get(s.authority, path_of("/v1/findings/", s.conflict)));
  // Not of the person's: pol reads the other subject's finding; the citizen's own read.
  s.ok(s.get(s.pol, path_of("/v1/findings/", s.missing)));
  s.ok(s.get(s.citizen, path_of("/v1/disputes/", s.dispute)));

  const auto mine = s.all_pages(s.citizen, "/v1/me/access-log", 2);
  const std::set<Read> expected = {
      {"agency", "civ", "read_dispute", path_of("/v1/disputes/", s.dispute), "GET /v1/disputes/{id}"},
      {"agency", "civ", "read_task", path_of("/v1/tasks/", s.dispute_task), "GET /v1/tasks/{id}"},
      {"authority", "", "read_finding", path_of("/v1/findings/", s.conflict), "GET /v1/findings/{id}"}};
  CHECK(mine.size() == expected.size());
  CHECK(reads_in(mine) == expected);
  for (const auto& item : mine) {
    CHECK(item["at"] == "2026-11-27T08:00:00+08:00");
    CHECK(item["token_id"].is_number_integer());
  }
  // The agency is named as the catalogue names it; newest first.
  CHECK(mine[0]["action"] == "read_finding");
  CHECK(mine[0]["agency"].is_null());
  CHECK(mine[1]["agency"] == s.catalogue.dataset("aid")->agency.name);

  const auto theirs = s.all_pages(s.other_citizen, "/v1/me/access-log", 50);
  CHECK(reads_in(theirs) ==
        std::set<Read>{{"agency", "pol", "read_finding", path_of("/v1/findings/", s.missing), "GET /v1/findings/{id}"}});
  // Citizens only; unknown parameters are refused.
  CHECK(s.get(s.civ, "/v1/me/access-log").status == 403);
  CHECK(s.get(s.citizen, "/v1/me/access-log?subject_id=" + s.other).status == 400);
}

TEST_CASE("staff lists show masked identifiers and the logged detail reads the full ones") {
  Reads s;
  const auto masked = engine::log::mask_identifier(s.person);
  REQUIRE(masked != s.person);
  const auto disputes = s.get(s.civ, "/v1/disputes");
  REQUIRE(disputes.status == 200);
  CHECK(json::parse(disputes.body)["items"][0]["subject_id"] == masked);
  CHECK(disputes.body.find(s.person) == std::string::npos);
  const auto findings = s.get(s.authority, "/v1/findings");
  REQUIRE(findings.status == 200);
  CHECK(findings.body.find(s.person) == std::string::npos);
  CHECK(findings.body.find(s.other) == std::string::npos);
  CHECK(findings.body.find(masked) != std::string::npos);
  // The citizen's own list is its own data.
  CHECK(s.ok(s.get(s.citizen, "/v1/disputes"))["items"][0]["subject_id"] == s.person);

  const auto before = s.sql("SELECT count(*) FROM access_log WHERE action = 'read_finding'");
  CHECK(before == "0");
  CHECK(s.ok(s.get(s.authority, path_of("/v1/findings/", s.conflict)))["subject_id"] == s.person);
  CHECK(s.ok(s.get(s.civ, path_of("/v1/disputes/", s.dispute)))["subject_id"] == s.person);
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE subject_id = '" + s.person + "' AND action IN ('read_finding', 'read_dispute')") == "2");
}

TEST_CASE("the access report counts each agency's reads of personal data and an agency sees only its own") {
  Reads s;
  s.ok(s.get(s.civ, path_of("/v1/disputes/", s.dispute)));
  s.ok(s.get(s.civ, path_of("/v1/tasks/", s.dispute_task)));
  s.ok(s.get(s.pol, path_of("/v1/findings/", s.missing)));
  s.ok(s.get(s.authority, path_of("/v1/findings/", s.conflict)));
  s.ok(s.get(s.authority, path_of("/v1/findings/", s.missing)));

  const auto all = s.ok(s.get(s.authority, "/v1/reports/access"));
  CHECK(all["from"] == "2026-11-01");
  CHECK(all["to"] == "2026-11-30");
  REQUIRE(all["readers"].size() == 3);  // civ, pol (agency role), then the authority
  const auto& civ = all["readers"][0];
  CHECK(civ["role"] == "agency");
  CHECK(civ["agency_code"] == "civ");
  CHECK(civ["reads"] == 2);
  CHECK(civ["subjects"] == 1);
  CHECK(civ["actions"] == json{{"read_dispute", 1}, {"read_task", 1}});
  CHECK(all["readers"][1]["agency_code"] == "pol");
  CHECK(all["readers"][1]["reads"] == 1);
  const auto& authority = all["readers"][2];
  CHECK(authority["role"] == "authority");
  CHECK(authority["agency_code"].is_null());
  CHECK(authority["reads"] == 2);
  CHECK(authority["subjects"] == 2);

  const auto pol_only = s.ok(s.get(s.authority, "/v1/reports/access?agency=pol"));
  REQUIRE(pol_only["readers"].size() == 1);
  CHECK(pol_only["readers"][0]["agency_code"] == "pol");
  CHECK(s.ok(s.get(s.authority, "/v1/reports/access?from=2026-10-01&to=2026-10-31"))["readers"].empty());

  const auto own = s.ok(s.get(s.civ, "/v1/reports/access"));
  REQUIRE(own["readers"].size() == 1);
  CHECK(own["readers"][0]["agency_code"] == "civ");
  CHECK(s.get(s.civ, "/v1/reports/access?agency=pol").status == 403);
  CHECK(s.get(s.civ, "/v1/reports/access?from=2026-11-30&to=2026-11-01").status == 400);
  CHECK(s.get(s.citizen, "/v1/reports/access").status == 403);
}
