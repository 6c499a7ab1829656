// GET /v1/reports/quality and /v1/reports/on-time over real sockets: figures, periods in
// Asia/Shanghai, and an agency limited to its own rows.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/disputes/dispute_desk.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;

namespace {

// The quality of one dataset in one item of the quality report.
json dataset_of(const json& item, const std::string& dataset) {
  for (const auto& d : item["datasets"])
    if (d["dataset_id"] == dataset) return d;
  return nullptr;
}

json rule_of(const json& dataset, const std::string& rule) {
  for (const auto& r : dataset["rules"])
    if (r["rule_id"] == rule) return r;
  return nullptr;
}

}  // namespace

TEST_CASE("the quality report gives per scan and dataset the rows checked and failed and the share passing") {
  testing::WorkflowServer s;
  const auto scan_id = s.scan();
  const auto report = s.ok(s.get(s.token(Role::kAuthority), "/v1/reports/quality"));
  REQUIRE(report["items"].size() == 1);
  const auto& item = report["items"][0];
  CHECK(item["scan_id"] == scan_id);
  CHECK(item["at"] == "2026-11-27T08:00:00+08:00");
  const auto reg = dataset_of(item, "reg");
  REQUIRE(reg.is_object());
  CHECK(reg["agency_code"] == "pol");
  CHECK(reg["rows_checked"] == 2);
  // One of the two registry rows lacks a name.
  const auto required = rule_of(reg, "BL-REQ-001");
  CHECK(required["rows_checked"] == 2);
  CHECK(required["rows_failed"] == 1);
  CHECK(required["share_passing"] == doctest::Approx(0.5));
  const auto checks = reg["checks"].get<double>();
  CHECK(reg["checks_failed"] == 1);
  CHECK(reg["share_passing"] == doctest::Approx((checks - 1) / checks));
  CHECK(rule_of(dataset_of(item, "aid"), "BL-CONF-001")["rows_failed"] == 1);
}

TEST_CASE("the quality report filters by dataset and by dates in Asia/Shanghai and pages by scan") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  const auto first = s.scan();  // 2026-11-27 08:00 local
  s.clock.set(testing::local_time(2026, 11, 30, 23));
  const auto second = s.scan();  // 2026-11-30 23:00 local, 15:00 UTC
  auto scans_of = [&](const std::string& query) {
    std::vector<std::int64_t> ids;
    for (const auto& item : s.all_pages(authority, "/v1/reports/quality" + query, 1))
      ids.push_back(item["scan_id"].get<std::int64_t>());
    return ids;
  };
  CHECK(scans_of("") == std::vector<std::int64_t>{second, first});
  CHECK(scans_of("?from=2026-11-28") == std::vector<std::int64_t>{second});
  CHECK(scans_of("?to=2026-11-29") == std::vector<std::int64_t>{first});
  CHECK(scans_of("?from=2026-11-30&to=2026-11-30") == std::vector<std::int64_t>{second});
  CHECK(scans_of("?from=2026-12-01").empty());
  const auto aid_only = s.ok(s.get(authority, "/v1/reports/quality?dataset=aid"));
  for (const auto& item : aid_only["items"]) {
    REQUIRE(item["datasets"].size() == 1);
    CHECK(item["datasets"][0]["dataset_id"] == "aid");
  }
  CHECK(s.get(authority, "/v1/reports/quality?from=2026-11-31").status == 400);
  CHECK(s.get(authority, "/v1/reports/quality?from=2026-11-30&to=2026-11-01").status == 400);
  CHECK(s.get(authority, "/v1/reports/quality?form=2026-11-01").status == 400);
}

TEST_CASE("an agency sees only its own datasets in the quality report") {
  testing::WorkflowServer s;
  s.scan();
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto report = s.ok(s.get(civ, "/v1/reports/quality"));
  REQUIRE(report["items"].size() == 1);
  REQUIRE(report["items"][0]["datasets"].size() == 1);
  CHECK(report["items"][0]["datasets"][0]["dataset_id"] == "aid");
  CHECK(s.ok(s.get(civ, "/v1/reports/quality?dataset=reg"))["items"].empty());
  CHECK(s.get(civ, "/v1/reports/quality?agency=pol").status == 403);
  CHECK(s.get(s.token(Role::kCitizen, s.person), "/v1/reports/quality").status == 403);
}

TEST_CASE("the on-time report counts the tasks each agency received in the current month by default") {
  testing::WorkflowServer s;
  const auto answered = s.disputes.file(s.plain_dispute("civ"), s.clock.now()).task_id;
  s.disputes.file(s.plain_dispute("civ"), s.clock.now());
  s.disputes.file(s.plain_dispute("pol"), s.clock.now());
  s.disputes.answer(answered, "corrected", "", testing::kCivClerk, testing::local_time(2026, 11, 30, 10));

  const auto authority = s.token(Role::kAuthority);
  const auto report = s.ok(s.get(authority, "/v1/reports/on-time"));
  CHECK(report["from"] == "2026-11-01");
  CHECK(report["to"] == "2026-11-30");
  REQUIRE(report["agencies"].size() == 2);
  const auto& civ = report["agencies"][0];
  CHECK(civ["agency"] == "civ");
  CHECK(civ["received"] == 2);
  CHECK(civ["answered"] == 1);
  CHECK(civ["answered_on_time"] == 1);
  CHECK(civ["on_time_share"] == doctest::Approx(1.0));
  CHECK(report["agencies"][1]["agency"] == "pol");
  CHECK(report["agencies"][1]["on_time_share"].is_null());
  // The authority narrows the report to one agency (docs/API.md, "Reports").
  const auto pol = s.ok(s.get(authority, "/v1/reports/on-time?agency=pol"));
  REQUIRE(pol["agencies"].size() == 1);
  CHECK(pol["agencies"][0]["agency"] == "pol");
  CHECK(pol["agencies"][0]["received"] == 1);
  CHECK(s.ok(s.get(authority, "/v1/reports/on-time?agency=nosuch"))["agencies"].empty());

  CHECK(s.ok(s.get(authority, "/v1/reports/on-time?from=2026-10-01&to=2026-10-31"))["agencies"].empty());
  CHECK(s.ok(s.get(authority, "/v1/reports/on-time?from=2026-11-27&to=2026-11-27"))["agencies"].size() == 2);
  // The month is Shanghai's: at 2026-12-01 02:00 local (still November in UTC) it is December.
  s.clock.set(testing::local_time(2026, 12, 1, 2));
  const auto december = s.ok(s.get(authority, "/v1/reports/on-time"));
  CHECK(december["from"] == "2026-12-01");
  CHECK(december["agencies"].empty());
}

TEST_CASE("an agency sees only its own row of the on-time report and periods are checked") {
  testing::WorkflowServer s;
  for (const char* agency : {"civ", "pol"}) s.disputes.file(s.plain_dispute(agency), s.clock.now());
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto report = s.ok(s.get(civ, "/v1/reports/on-time"));
  REQUIRE(report["agencies"].size() == 1);
  CHECK(report["agencies"][0]["agency"] == "civ");
  CHECK(s.ok(s.get(civ, "/v1/reports/on-time?agency=civ"))["agencies"].size() == 1);
  CHECK(s.get(civ, "/v1/reports/on-time?agency=pol").status == 403);
  CHECK(s.get(civ, "/v1/reports/on-time?from=2026-11-01").status == 400);
  CHECK(s.get(civ, "/v1/reports/on-time?from=2026-11-30&to=2026-11-01").status == 400);
  CHECK(s.get(civ, "/v1/reports/on-time?from=yesterday&to=2026-11-01").status == 400);
  CHECK(s.get(s.token(Role::kAdmin), "/v1/reports/on-time").status == 403);
  // One row per agency is not a paged list: paging parameters are unknown here.
  const auto paged = s.get(civ, "/v1/reports/on-time?limit=10");
  CHECK(paged.status == 400);
  CHECK(testing::WorkflowServer::errors(paged).count("limit") == 1);
}

TEST_CASE("the quality trend gives each dataset's score over its last N scans, oldest first") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  const auto first = s.scan();  // reg r2 lacks a name: one failed check
  s.sql("UPDATE platform.reg SET name = '王五' WHERE rid = 'r2'");
  s.clock.advance(std::chrono::hours(24));
  const auto second = s.scan();
  s.clock.advance(std::chrono::hours(24));
  const auto third = s.scan();

  const auto report = s.ok(s.get(authority, "/v1/reports/quality-trend?dataset=reg&scans=2"));
  CHECK(report["scans"] == 2);
  REQUIRE(report["datasets"].size() == 1);
  const auto& reg = report["datasets"][0];
  CHECK(reg["dataset_id"] == "reg");
  CHECK(reg["agency_code"] == "pol");
  REQUIRE(reg["points"].size() == 2);
  CHECK(reg["points"][0]["scan_id"] == second);
  CHECK(reg["points"][1]["scan_id"] == third);
  CHECK(reg["points"][0]["checks_failed"] == 0);
  CHECK(reg["change"] == doctest::Approx(0.0));

  const auto all = s.ok(s.get(authority, "/v1/reports/quality-trend?dataset=reg"));  // default: 10 scans
  const auto& points = all["datasets"][0]["points"];
  REQUIRE(points.size() == 3);
  CHECK(points[0]["scan_id"] == first);
  const auto checks = points[0]["checks"].get<double>();
  CHECK(points[0]["checks_failed"] == 1);
  CHECK(points[0]["share_passing"] == doctest::Approx((checks - 1) / checks));
  CHECK(points[2]["checks"] == points[0]["checks"]);
  CHECK(points[2]["share_passing"] == doctest::Approx(1.0));
  CHECK(all["datasets"][0]["change"] == doctest::Approx(1 / checks));  // last minus first

  // An agency sees its own datasets only; bad counts are 400 naming the parameter.
  const auto pol = s.token(Role::kAgency, "", "pol");
  const auto own = s.ok(s.get(pol, "/v1/reports/quality-trend"));
  REQUIRE_FALSE(own["datasets"].empty());
  for (const auto& d : own["datasets"]) CHECK(d["agency_code"] == "pol");
  CHECK(s.get(pol, "/v1/reports/quality-trend?agency=civ").status == 403);
  for (const auto* bad : {"scans=0", "scans=101", "scans=x"}) {
    const auto r = s.get(authority, std::string("/v1/reports/quality-trend?") + bad);
    CHECK(r.status == 400);
    CHECK(testing::WorkflowServer::errors(r).count("scans") == 1);
  }
}

TEST_CASE("the on-time report gives each agency its reopen rate, corrections not effective and rectification orders") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  const auto pol = s.token(Role::kAgency, "", "pol");
  s.scan_and_open();
  const auto missing = s.task_of_rule("BL-REQ-001");  // pol's
  s.ok(s.post(pol, testing::WorkflowServer::task_path(missing, "/answer"), json{{"answer", "corrected"}}));
  s.clock.advance(std::chrono::hours(1));
  s.scan_and_open();  // found again: reopened
  s.ok(s.post(pol, testing::WorkflowServer::task_path(missing, "/answer"), json{{"answer", "corrected"}}));

  const auto report = s.ok(s.get(authority, "/v1/reports/on-time?agency=pol"));
  REQUIRE(report["agencies"].size() == 1);
  const auto& row = report["agencies"][0];
  CHECK(row["corrections"] == 2);
  CHECK(row["corrections_found_again"] == 1);
  CHECK(row["reopen_rate"] == doctest::Approx(0.5));
  CHECK(row["correction_not_effective"] == 1);
  CHECK(row["rectification_orders"] == json{{"open", 0}, {"overdue", 0}});
  // pol reads its own row; civ corrected nothing, so its rate is null.
  CHECK(s.ok(s.get(pol, "/v1/reports/on-time"))["agencies"][0]["reopen_rate"] == doctest::Approx(0.5));
  const auto civ = s.ok(s.get(authority, "/v1/reports/on-time?agency=civ"))["agencies"];
  REQUIRE(civ.size() == 1);
  CHECK(civ[0]["corrections"] == 0);
  CHECK(civ[0]["reopen_rate"].is_null());
}
