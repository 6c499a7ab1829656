// GET /v1/findings[/{id}] over real sockets: the planted defects, filters, the agency wall,
// the access log, bad filters and pages.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/log/mask.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;
using Key = std::tuple<std::string, std::string, std::string>;  // rule, dataset, record

namespace {

// Four more registry rows without a name (pol), so that lists have pages to turn.
constexpr int kExtraRows = 4;

struct FindingsServer : testing::WorkflowServer {
  std::int64_t scan_id = 0;
  FindingsServer() {
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    for (int i = 0; i < kExtraRows; ++i) {
      const auto id = rules::ids::make_citizen_id(
          "330102", std::chrono::year_month_day(std::chrono::year(1970), std::chrono::month(1), std::chrono::day(1)),
          41 + 2 * i);
      tx.exec_params("INSERT INTO platform.reg VALUES ($1, $2, NULL, '1', '1970-01-01', '2026-11-26 12:00:00+00')",
                     "x" + std::to_string(i), id);
    }
    tx.commit();
    scan_id = scan();
  }
  std::set<Key> keys(const std::vector<json>& items) {
    std::set<Key> out;
    for (const auto& f : items)
      out.insert(Key(f["rule_id"].get<std::string>(), f["dataset_id"].get<std::string>(), f["record_key"].get<std::string>()));
    return out;
  }
  std::set<Key> listed(const std::string& token, const std::string& query = "") {
    return keys(all_pages(token, "/v1/findings" + query, 50));
  }
  std::string id_of(const std::string& rule) { return sql("SELECT id FROM findings WHERE rule_id = '" + rule + "'"); }
};

const std::set<Key> kPlanted = {{"BL-REQ-001", "reg", "r2"}, {"BL-REQ-001", "reg", "x0"}, {"BL-REQ-001", "reg", "x1"},
                                {"BL-REQ-001", "reg", "x2"}, {"BL-REQ-001", "reg", "x3"}, {"BL-CONF-001", "aid", "a1"}};

}  // namespace

TEST_CASE("the authority lists the planted findings and each filter narrows the list") {
  FindingsServer s;
  const auto authority = s.token(Role::kAuthority);
  CHECK(s.listed(authority) == kPlanted);
  CHECK(s.listed(authority, "?dataset=aid") == std::set<Key>{{"BL-CONF-001", "aid", "a1"}});
  CHECK(s.listed(authority, "?rule=BL-REQ-001").size() == 5);
  CHECK(s.listed(authority, "?agency=civ") == std::set<Key>{{"BL-CONF-001", "aid", "a1"}});
  CHECK(s.listed(authority, "?agency=pol&rule=BL-CONF-001").empty());
  CHECK(s.listed(authority, "?status=open") == kPlanted);
  CHECK(s.listed(authority, "?status=resolved").empty());
  CHECK(s.listed(authority, "?subject_id=" + s.person) == std::set<Key>{{"BL-CONF-001", "aid", "a1"}});
  CHECK(s.listed(authority, "?scan=" + std::to_string(s.scan_id)) == kPlanted);
  CHECK(s.listed(authority, "?scan=" + std::to_string(s.scan_id + 1)).empty());

  const auto one = s.ok(s.get(authority, "/v1/findings?rule=BL-CONF-001"))["items"][0];
  CHECK(one["agency_code"] == "civ");
  CHECK(one["subject_id"] == engine::log::mask_identifier(s.person));  // a list masks (docs/API.md)
  CHECK(one["status"] == "open");
  CHECK(one["first_seen_scan"] == s.scan_id);
  CHECK(one["first_seen_at"] == "2026-11-27T08:00:00+08:00");
  CHECK_FALSE(one.contains("evidence"));
}

TEST_CASE("a resolved finding is listed under status resolved") {
  FindingsServer s;
  s.sql("UPDATE platform.reg SET name = '某某' WHERE rid = 'x0'");
  s.scan();
  const auto authority = s.token(Role::kAuthority);
  CHECK(s.listed(authority, "?status=resolved") == std::set<Key>{{"BL-REQ-001", "reg", "x0"}});
  const auto resolved = s.ok(s.get(authority, "/v1/findings?status=resolved"))["items"][0];
  CHECK(resolved["resolved_at"].is_string());
  CHECK(resolved["resolved_scan"].is_number_integer());
}

TEST_CASE("one finding is shown with its evidence and another agency's finding is 404") {
  FindingsServer s;
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto conflict = "/v1/findings/" + s.id_of("BL-CONF-001");
  const auto shown = s.ok(s.get(civ, conflict));
  CHECK(shown["rule_id"] == "BL-CONF-001");
  CHECK(shown["evidence"]["values"]["reg"] == "张三");
  CHECK(shown["evidence"]["values"]["aid"] == "张叁");

  const auto missing_name = "/v1/findings/" + s.sql("SELECT id FROM findings WHERE record_key = 'r2'");
  const auto refused = s.get(civ, missing_name);
  CHECK(refused.status == 404);
  CHECK(refused.body == s.get(civ, "/v1/findings/999999").body);
  CHECK(s.get(s.token(Role::kAgency, "", "pol"), missing_name).status == 200);
  CHECK(s.get(s.token(Role::kAuthority), missing_name).status == 200);
  CHECK(s.get(civ, "/v1/findings/x1").status == 404);
}

TEST_CASE("an agency lists only its own findings and may not name another agency") {
  FindingsServer s;
  const auto civ = s.token(Role::kAgency, "", "civ");
  CHECK(s.listed(civ) == std::set<Key>{{"BL-CONF-001", "aid", "a1"}});
  CHECK(s.listed(civ, "?dataset=reg").empty());
  CHECK(s.listed(civ, "?agency=civ").size() == 1);
  CHECK(s.get(civ, "/v1/findings?agency=pol").status == 403);
  CHECK(s.listed(s.token(Role::kAgency, "", "pol")).size() == 5);
}

TEST_CASE("citizens and admins may not read findings") {
  FindingsServer s;
  CHECK(s.get(s.token(Role::kCitizen, s.person), "/v1/findings").status == 403);
  CHECK(s.get(s.token(Role::kAdmin), "/v1/findings/" + s.id_of("BL-CONF-001")).status == 403);
  CHECK(s.sql("SELECT count(*) FROM access_log") == "0");
}

TEST_CASE("staff reads of findings about a subject are recorded in the access log") {
  FindingsServer s;
  const auto authority = s.token(Role::kAuthority);
  s.ok(s.get(authority, "/v1/findings/" + s.id_of("BL-CONF-001")));
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_finding' AND subject_id = '" + s.person + "'") ==
        "1");
  // A page shows six findings about six subjects: one row per subject.
  s.ok(s.get(s.token(Role::kAgency, "", "pol"), "/v1/findings?limit=200"));
  CHECK(s.sql("SELECT count(DISTINCT subject_id) FROM access_log WHERE action = 'list_findings' AND role = 'agency'") ==
        "5");
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'list_findings'") == "5");
}

TEST_CASE("bad finding filters are answered 400 and an invalid subject_id 422 with its reason") {
  FindingsServer s;
  const auto authority = s.token(Role::kAuthority);
  std::string bad = s.person;
  bad.back() = bad.back() == '1' ? '2' : '1';
  const auto invalid = s.get(authority, "/v1/findings?subject_id=" + bad);
  REQUIRE(invalid.status == 422);
  const auto error = json::parse(invalid.body)["errors"][0];
  CHECK(error["parameter"] == "subject_id");
  CHECK(error["reason"] == "check_character");
  CHECK(invalid.body.find(bad) == std::string::npos);

  const auto unknown = s.get(authority, "/v1/findings?datset=reg");
  CHECK(unknown.status == 400);
  CHECK(unknown.body.find("did you mean 'dataset'") != std::string::npos);
  CHECK(s.get(authority, "/v1/findings?status=closed").status == 400);
  CHECK(s.get(authority, "/v1/findings?scan=first").status == 400);
  CHECK(s.get(authority, "/v1/findings?limit=201").status == 400);
  CHECK(s.get(authority, "/v1/findings?cursor=zz").status == 400);
}

TEST_CASE("the pages of findings cover each finding once newest first") {
  FindingsServer s;
  const auto authority = s.token(Role::kAuthority);
  const auto items = s.all_pages(authority, "/v1/findings", 4);
  std::vector<std::int64_t> ids;
  for (const auto& f : items) ids.push_back(f["id"].get<std::int64_t>());
  REQUIRE(ids.size() == kPlanted.size());
  CHECK(std::set<std::int64_t>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(std::is_sorted(ids.rbegin(), ids.rend()));
  CHECK(s.keys(items) == kPlanted);
  // Filters hold across pages.
  CHECK(s.all_pages(authority, "/v1/findings?dataset=reg", 2).size() == 5);
}
