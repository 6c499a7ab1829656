// POST /v1/scans and GET /v1/scans[/{id}] over real sockets: background scans followed to the
// end, the lock that refuses a second scan, stopping, bad inputs and pages.
#include <doctest/doctest.h>

#include <thread>

#include <nlohmann/json.hpp>
#include "tests/api/workflow_server.hpp"
#include "tests/support/table_lock.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;

namespace {

std::string scan_path(const testing::HttpResult& accepted) {
  return "/v1/scans/" + std::to_string(json::parse(accepted.body)["id"].get<std::int64_t>());
}

// Holds a platform table locked, so that a scan that reaches it waits there until release():
// a scan that is certainly running, without timing. The registry (reg) is read first.
using testing::TableLock;

}  // namespace

TEST_CASE("an authority starts a scan over HTTP and follows it until it succeeds") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  const auto accepted = s.post_raw(authority, "/v1/scans", R"({"mode": "full"})");
  REQUIRE(accepted.status == 202);
  const auto started = json::parse(accepted.body);
  CHECK(accepted.headers.at("location") == scan_path(accepted));
  CHECK(started["mode"] == "full");
  CHECK(started["datasets"] == json::array({"reg", "aid"}));
  CHECK(started["progress"]["datasets_total"] == 2);

  s.scans.wait_idle();
  const auto done = s.ok(s.get(authority, scan_path(accepted)));
  CHECK(done["status"] == "succeeded");
  CHECK(done["error"].is_null());
  CHECK(done["progress"]["datasets_done"] == 2);
  CHECK(done["progress"]["rows_scanned"] == 3);
  CHECK(done["started_at"] == "2026-11-27T08:00:00+08:00");
  // The fixture plants a missing name (reg) and a name conflict (aid).
  CHECK(done["counts"]["findings_new"] == 2);
  CHECK(s.sql("SELECT count(*) FROM findings WHERE first_seen_scan = " + started["id"].dump()) == "2");
  // As after `jiaohe scan`, the new findings became verify_finding tasks.
  CHECK(s.sql("SELECT count(*) > 0 FROM tasks WHERE scan_id = " + started["id"].dump()) == "t");
}

TEST_CASE("a scan of some datasets reads only those and an incremental scan reads only changes") {
  testing::WorkflowServer s;
  const auto admin = s.token(Role::kAdmin);
  const auto first = s.post_raw(admin, "/v1/scans", R"({"mode": "full", "datasets": ["reg"]})");
  REQUIRE(first.status == 202);
  s.scans.wait_idle();
  const auto full = s.ok(s.get(admin, scan_path(first)));
  CHECK(full["datasets"] == json::array({"reg"}));
  CHECK(full["progress"]["rows_scanned"] == 2);

  const auto second = s.post_raw(admin, "/v1/scans", R"({"mode": "incremental", "datasets": ["reg"]})");
  REQUIRE(second.status == 202);
  s.scans.wait_idle();
  const auto incremental = s.ok(s.get(admin, scan_path(second)));
  CHECK(incremental["mode"] == "incremental");
  CHECK(incremental["status"] == "succeeded");
  CHECK(incremental["progress"]["rows_scanned"] == 0);
}

TEST_CASE("a running scan shows the datasets it has done and the rows it has read") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  TableLock lock(s.db.url(), "platform.aid");  // the second dataset
  const auto accepted = s.post_raw(authority, "/v1/scans", R"({"mode": "full"})");
  REQUIRE(accepted.status == 202);
  // The scan finishes the registry and then waits for the lock on aid; follow it until then
  // (a bounded loop on its state, not a fixed sleep).
  json running;
  for (int i = 0; i < 100000; ++i) {
    running = s.ok(s.get(authority, scan_path(accepted)));
    if (running["progress"]["dataset"] == "aid") break;
    std::this_thread::yield();
  }
  CHECK(running["status"] == "running");
  CHECK(running["progress"]["dataset"] == "aid");
  CHECK(running["progress"]["phase"] == "reading");
  CHECK(running["progress"]["datasets_done"] == 1);
  CHECK(running["progress"]["datasets_total"] == 2);
  CHECK(running["progress"]["rows_scanned"] == 2);
  CHECK(running["finished_at"].is_null());
  lock.release();
  s.scans.wait_idle();
  const auto done = s.ok(s.get(authority, scan_path(accepted)));
  CHECK(done["status"] == "succeeded");
  CHECK(done["progress"]["dataset"].is_null());
  CHECK(done["progress"]["phase"].is_null());
  CHECK(done["progress"]["rows_scanned"] == 3);
}

TEST_CASE("a second scan while one runs on the same datasets is answered 409") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  TableLock lock(s.db.url(), "platform.reg");
  const auto first = s.post_raw(authority, "/v1/scans", R"({"mode": "full"})");
  REQUIRE(first.status == 202);
  CHECK(s.ok(s.get(authority, scan_path(first)))["status"] == "running");

  const auto second = s.post_raw(authority, "/v1/scans", R"({"mode": "incremental", "datasets": ["aid"]})");
  CHECK(second.status == 409);
  CHECK(second.headers.at("content-type") == "application/problem+json");
  CHECK(json::parse(second.body)["detail"].get<std::string>().find("dataset aid") != std::string::npos);
  CHECK(s.sql("SELECT count(*) FROM scans") == "1");

  lock.release();
  s.scans.wait_idle();
  CHECK(s.ok(s.get(authority, scan_path(first)))["status"] == "succeeded");
  // Once it has ended the datasets are free again.
  CHECK(s.post_raw(authority, "/v1/scans", R"({"mode": "incremental"})").status == 202);
}

TEST_CASE("stopping the launcher stops a running scan at its next dataset and refuses new ones") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  TableLock lock(s.db.url(), "platform.reg");
  const auto accepted = s.post_raw(authority, "/v1/scans", R"({"mode": "full"})");
  REQUIRE(accepted.status == 202);
  s.scans.request_stop();
  CHECK(s.post_raw(authority, "/v1/scans", R"({"mode": "full"})").status == 503);
  lock.release();
  s.scans.wait_idle();
  const auto stopped = s.ok(s.get(authority, scan_path(accepted)));
  CHECK(stopped["status"] == "failed");
  CHECK(stopped["error"].get<std::string>().find("shutting down") != std::string::npos);
  CHECK(stopped["finished_at"].is_string());
  // A failed scan changes no findings.
  CHECK(s.sql("SELECT count(*) FROM findings") == "0");
}

TEST_CASE("bad scan requests are answered 400 or 422 naming the field") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  auto pointer_detail = [&](const std::string& body) {
    const auto r = s.post_raw(authority, "/v1/scans", body);
    REQUIRE(r.status == 422);
    const auto e = json::parse(r.body)["errors"][0];
    return e["pointer"].get<std::string>() + " " + e["detail"].get<std::string>();
  };
  CHECK(s.post_raw(authority, "/v1/scans", R"({"mode": )").status == 400);
  CHECK(pointer_detail("{}") == "/mode required");
  CHECK(pointer_detail(R"({"mode": "partial"})") == R"(/mode must be "full" or "incremental")");
  CHECK(pointer_detail(R"({"mode": "full", "datasets": "reg"})") == "/datasets must be an array");
  CHECK(pointer_detail(R"({"mode": "full", "datasets": ["reg", "regs"]})") ==
        "/datasets/1 not a dataset of the catalogue (did you mean 'reg'?)");
  CHECK(pointer_detail(R"({"mode": "full", "datasets": ["reg", "reg"]})") == "/datasets/1 named twice");
  CHECK(pointer_detail(R"({"mode": "full", "datasets": []})").rfind("/datasets ", 0) == 0);
  CHECK(pointer_detail(R"({"mode": "full", "dataset": ["reg"]})") == "/dataset unknown field (did you mean 'datasets'?)");
  CHECK(s.get(authority, "/v1/scans/abc").status == 404);
  CHECK(s.get(authority, "/v1/scans/999999").status == 404);
  CHECK(s.get(authority, "/v1/scans?limit=0").status == 400);
  CHECK(s.sql("SELECT count(*) FROM scans") == "0");
}

TEST_CASE("only the authority and admins start and read scans") {
  testing::WorkflowServer s;
  CHECK(s.post_raw(s.token(Role::kAgency, "", "civ"), "/v1/scans", R"({"mode": "full"})").status == 403);
  CHECK(s.post_raw(s.token(Role::kCitizen, s.person), "/v1/scans", R"({"mode": "full"})").status == 403);
  CHECK(s.get(s.token(Role::kAgency, "", "civ"), "/v1/scans").status == 403);
  CHECK(testing::http_request(s.port, "GET", "/v1/scans").status == 401);
  CHECK(s.sql("SELECT count(*) FROM scans") == "0");
}

TEST_CASE("the list of scans is newest first and its pages cover each scan once") {
  testing::WorkflowServer s;
  const auto authority = s.token(Role::kAuthority);
  std::vector<std::int64_t> started;
  for (int i = 0; i < 3; ++i) {
    const auto r = s.post_raw(authority, "/v1/scans", R"({"mode": "incremental"})");
    REQUIRE(r.status == 202);
    started.push_back(json::parse(r.body)["id"].get<std::int64_t>());
    s.scans.wait_idle();
  }
  const auto first = s.ok(s.get(authority, "/v1/scans?limit=2"));
  REQUIRE(first["items"].size() == 2);
  CHECK(first["items"][0]["id"] == started[2]);
  CHECK(first["next_cursor"].is_string());
  std::vector<std::int64_t> listed;
  for (const auto& item : s.all_pages(authority, "/v1/scans", 2)) listed.push_back(item["id"].get<std::int64_t>());
  CHECK(listed == std::vector<std::int64_t>{started[2], started[1], started[0]});
}
