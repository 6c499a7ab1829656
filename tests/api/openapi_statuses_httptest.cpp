// The statuses /openapi.json documents are the ones the server answers: every documented
// status of every operation is provoked by a request here (documented within returnable), and
// every answer seen here goes through tests/openapi/validate.mjs, which checks that its status
// is documented for its operation and its body matches the documented schema. The fuzz test
// (fuzz_httptest.cpp) checks the other direction on 5,000 malformed requests.
// Not provoked: 409 "Idempotency-Key in progress" where a route has no 409 of its own (a race
// of two requests with one key, which the retry resolves by waiting; idempotency_httptest.cpp).
// 500 is documented nowhere: it is a defect.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/api/workflow_server.hpp"
#include "tests/support/openapi_check.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;

namespace {

Role role_named(const std::string& name) {
  if (name == "citizen") return Role::kCitizen;
  if (name == "agency") return Role::kAgency;
  if (name == "authority") return Role::kAuthority;
  return Role::kAdmin;
}

// The answers seen, by operation, and all of them for the schema check.
struct Seen {
  std::set<std::pair<std::string, int>> statuses;  // ("GET /v1/tasks", 200)
  json answers = json::array();

  void add(const std::string& method, const std::string& route, int status, const std::string& content_type,
           const std::string& body) {
    statuses.emplace(method + " " + route, status);
    answers.push_back(
        {{"method", method}, {"route", route}, {"status", status}, {"content_type", content_type}, {"body", body}});
  }
};

int status_of(const std::string& raw) { return raw.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(raw.substr(9, 3)) : 0; }

}  // namespace

TEST_CASE("every status /openapi.json documents for an operation is answered by it, with the documented body") {
  testing::WorkflowServer s;
  s.scan_and_open();
  const auto document = testing::http_request(s.port, "GET", "/openapi.json").body;
  const auto doc = json::parse(document);
  Seen seen;

  // A server on the same routes whose queue is always full: 503 for every operation.
  api::Server busy{[] {
                     api::ServerOptions o;
                     o.port = 0;
                     o.queue_limit = 0;
                     return o;
                   }(),
                   s.router, s.context};
  const auto busy_port = busy.start();

  std::map<Role, std::string> tokens = {{Role::kCitizen, s.token(Role::kCitizen, s.person)},
                                        {Role::kAgency, s.token(Role::kAgency, "", "civ")},
                                        {Role::kAuthority, s.token(Role::kAuthority)},
                                        {Role::kAdmin, s.token(Role::kAdmin)}};
  const auto send = [&](const std::string& method, const std::string& route, const std::string& target,
                        const std::string& token, const std::string& body = "",
                        std::map<std::string, std::string> extra = {}, unsigned short port = 0) {
    auto headers = token.empty() ? std::map<std::string, std::string>{} : s.headers(token);
    headers.insert(extra.begin(), extra.end());
    const auto r = testing::http_request(port ? port : s.port, method, target, body, headers);
    seen.add(method, route, r.status, r.headers.count("content-type") ? r.headers.at("content-type") : "", r.body);
    return r;
  };

  // The server's own statuses, on every operation.
  int key = 0;
  for (const auto& [route, item] : doc["paths"].items())
    for (const auto& [lower, operation] : item.items()) {
      const auto method = testing::http_method(lower);
      const auto target = testing::path_with_id(route, "999999");
      std::set<Role> allowed;
      for (const auto& r : operation.value("x-roles", json::array())) allowed.insert(role_named(r));
      const auto token = allowed.empty() ? std::string() : tokens[*allowed.begin()];
      const std::string body = method == "POST" ? "{}" : "";
      send(method, route, target + "?undocumented=1", token, body);
      send(method, route, target, token, body, {}, busy_port);
      const auto raw = testing::raw_exchange(
          s.port, method + " " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\nConnection: close\r\n\r\n");
      seen.add(method, route, status_of(raw), "application/problem+json",
               raw.substr(raw.find("\r\n\r\n") == std::string::npos ? raw.size() : raw.find("\r\n\r\n") + 4));
      if (allowed.empty()) continue;
      send(method, route, target, "", body);
      for (const auto& [role, t] : tokens)
        if (!allowed.count(role)) {
          send(method, route, target, t, body);
          break;
        }
      if (method == "POST") {
        send(method, route, target, token, body, {{"Idempotency-Key", std::string(256, 'k')}});
        const auto k = "status-test-" + std::to_string(++key);
        send(method, route, target, token, body, {{"Idempotency-Key", k}});
        send(method, route, target, token, R"({"other": 1})", {{"Idempotency-Key", k}});
      }
    }

  // Each operation's own statuses, from a state that has them.
  const auto& citizen = tokens[Role::kCitizen];
  const auto& civ = tokens[Role::kAgency];
  const auto& authority = tokens[Role::kAuthority];
  const auto& admin = tokens[Role::kAdmin];
  const auto clerk = s.person_token("civ", "S01", "clerk wang");
  const auto head = s.person_token("civ", "H01", "director zhao", true);
  const auto filed = s.file(s.person);
  const auto forwarded = s.file(s.person, engine::disputes::FilingChannel::kAuthority);
  const auto dispute = "/v1/disputes/" + std::to_string(filed.dispute_id);
  const auto task = testing::WorkflowServer::task_path(filed.task_id);
  const auto finding_task = std::to_string(s.task_of_rule(s.sql("SELECT min(rule_id) FROM tasks WHERE rule_id IS NOT NULL")));
  const auto finding = s.sql("SELECT min(id) FROM findings");
  const auto scan = s.sql("SELECT max(id) FROM scans");
  struct Row {
    std::string method, route, target, token, body = "";
    std::map<std::string, std::string> headers = {};
  };
  const std::vector<Row> rows = {
      {"GET", "/healthz", "/healthz", ""},
      {"GET", "/metrics", "/metrics", admin},
      {"POST", "/v1/disputes", "/v1/disputes", citizen, s.filing(s.person).dump()},
      {"POST", "/v1/disputes", "/v1/disputes", citizen, "{}"},
      {"GET", "/v1/disputes", "/v1/disputes", citizen},
      {"GET", "/v1/disputes/{id}", dispute, citizen},
      {"GET", "/v1/disputes/{id}", "/v1/disputes/999999", citizen},
      {"GET", "/v1/disputes/{id}/documents", dispute + "/documents", citizen},
      {"GET", "/v1/disputes/{id}/documents", "/v1/disputes/999999/documents", citizen},
      {"POST", "/v1/disputes/{id}/documents", dispute + "/documents", citizen, "%PDF-1.4\n%%EOF\n",
       {{"Content-Type", "application/pdf"}}},
      {"POST", "/v1/disputes/{id}/documents", dispute + "/documents", citizen, "plain text",
       {{"Content-Type", "application/pdf"}}},
      {"POST", "/v1/disputes/{id}/documents", "/v1/disputes/999999/documents", citizen, "%PDF-1.4\n",
       {{"Content-Type", "application/pdf"}}},
      {"GET", "/v1/disputes/{id}/documents/{doc}", dispute + "/documents/1", citizen},
      {"GET", "/v1/disputes/{id}/documents/{doc}", dispute + "/documents/999999", citizen},
      {"POST", "/v1/disputes/{id}/appeal", dispute + "/appeal", citizen, R"({"reason": "too early"})"},
      {"POST", "/v1/disputes/{id}/appeal", dispute + "/appeal", citizen, "{}"},
      {"POST", "/v1/disputes/{id}/appeal", "/v1/disputes/999999/appeal", citizen, R"({"reason": "x"})"},
      {"GET", "/v1/tasks", "/v1/tasks", civ},
      {"GET", "/v1/tasks/{id}", task, civ},
      {"GET", "/v1/tasks/{id}", "/v1/tasks/999999", civ},
      {"GET", "/v1/tasks/{id}/events", task + "/events", civ},
      {"GET", "/v1/tasks/{id}/events", "/v1/tasks/999999/events", civ},
      {"POST", "/v1/tasks/{id}/extension/decision", task + "/extension/decision", head,
       R"({"approve": true, "reason": "nothing asked yet"})"},
      {"POST", "/v1/tasks/{id}/extension/decision", task + "/extension/decision", head, "{}"},
      {"POST", "/v1/tasks/{id}/extension/decision", "/v1/tasks/999999/extension/decision", head,
       R"({"approve": true, "reason": "x"})"},
      {"POST", "/v1/tasks/{id}/extension", task + "/extension", civ, "{}"},
      {"POST", "/v1/tasks/{id}/extension", "/v1/tasks/999999/extension", civ, R"({"reason": "x"})"},
      {"POST", "/v1/tasks/{id}/extension", task + "/extension", civ, R"({"reason": "needs a records search"})"},
      {"POST", "/v1/tasks/{id}/extension", task + "/extension", civ, R"({"reason": "again"})"},
      {"POST", "/v1/tasks/{id}/extension/decision", task + "/extension/decision", head,
       R"({"approve": true, "reason": "records search needed"})"},
      {"POST", "/v1/tasks/{id}/assign", task + "/assign", clerk, R"({"staff_id": "S01"})"},
      {"POST", "/v1/tasks/{id}/assign", task + "/assign", clerk, "{}"},
      {"POST", "/v1/tasks/{id}/assign", "/v1/tasks/999999/assign", clerk, R"({"staff_id": "S01"})"},
      {"POST", "/v1/tasks/{id}/comments", task + "/comments", clerk, R"({"text": "looking"})"},
      {"POST", "/v1/tasks/{id}/comments", task + "/comments", clerk, "{}"},
      {"POST", "/v1/tasks/{id}/comments", "/v1/tasks/999999/comments", clerk, R"({"text": "x"})"},
      {"POST", "/v1/tasks/{id}/start", "/v1/tasks/" + finding_task + "/start", civ, ""},
      {"POST", "/v1/tasks/{id}/start", "/v1/tasks/" + finding_task + "/start", civ, ""},
      {"POST", "/v1/tasks/{id}/start", "/v1/tasks/" + finding_task + "/start", civ, R"({"x": 1})"},
      {"POST", "/v1/tasks/{id}/start", "/v1/tasks/999999/start", civ, ""},
      {"POST", "/v1/tasks/{id}/answer", task + "/answer", civ, R"({"answer": "corrected"})"},
      {"POST", "/v1/tasks/{id}/answer", task + "/answer", civ, R"({"answer": "corrected"})"},
      {"POST", "/v1/tasks/{id}/answer", task + "/answer", civ, "{}"},
      {"POST", "/v1/tasks/{id}/answer", "/v1/tasks/999999/answer", civ, R"({"answer": "corrected"})"},
      {"POST", "/v1/tasks/{id}/assign", task + "/assign", clerk, R"({"staff_id": "S01"})"},
      {"POST", "/v1/disputes/{id}/appeal", dispute + "/appeal", citizen, R"({"reason": "still wrong"})"},
      {"POST", "/v1/tasks/{id}/forward", testing::WorkflowServer::task_path(forwarded.task_id, "/forward"), authority, ""},
      {"POST", "/v1/tasks/{id}/forward", testing::WorkflowServer::task_path(forwarded.task_id, "/forward"), authority, ""},
      {"POST", "/v1/tasks/{id}/forward", testing::WorkflowServer::task_path(forwarded.task_id, "/forward"), authority,
       R"({"x": 1})"},
      {"POST", "/v1/tasks/{id}/forward", "/v1/tasks/999999/forward", authority, ""},
      {"GET", "/v1/scans", "/v1/scans", authority},
      {"GET", "/v1/scans/{id}", "/v1/scans/" + scan, authority},
      {"GET", "/v1/scans/{id}", "/v1/scans/999999", authority},
      {"POST", "/v1/scans", "/v1/scans", authority, R"({"mode": "sometimes"})"},
      {"GET", "/v1/findings", "/v1/findings", authority},
      {"GET", "/v1/findings", "/v1/findings?subject_id=123", authority},
      {"GET", "/v1/findings/{id}", "/v1/findings/" + finding, authority},
      {"GET", "/v1/findings/{id}", "/v1/findings/999999", authority},
      {"GET", "/v1/flags", "/v1/flags", citizen},
      {"GET", "/v1/datasets/publication", "/v1/datasets/publication", authority},
      {"GET", "/v1/reports/quality", "/v1/reports/quality", authority},
      {"GET", "/v1/reports/quality-trend", "/v1/reports/quality-trend", authority},
      {"GET", "/v1/reports/on-time", "/v1/reports/on-time", authority},
      {"GET", "/v1/reports/access", "/v1/reports/access", authority},
      {"GET", "/v1/me", "/v1/me", citizen},
      {"GET", "/v1/me/access-log", "/v1/me/access-log", citizen},
      {"GET", "/", "/", ""},
      {"GET", "/console/reference.json", "/console/reference.json", ""},
      {"GET", "/console/{file}", "/console/app.js", ""},
      {"GET", "/console/{file}", "/console/nosuch.js", ""},
      {"GET", "/reports/quality.html", "/reports/quality.html", authority},
      {"GET", "/reports/quality.html", "/reports/quality.html?scan=999999", authority},
      {"GET", "/openapi.json", "/openapi.json", ""},
  };
  for (const auto& row : rows) {
    const auto r = send(row.method, row.route, row.target, row.token, row.body, row.headers);
    // A second read with the ETag of the first: 304 where the route revalidates.
    if (r.headers.count("etag"))
      send(row.method, row.route, row.target, row.token, "", {{"If-None-Match", r.headers.at("etag")}});
  }
  // A scan while another holds its datasets: 409 (the first runs in the background).
  send("POST", "/v1/scans", "/v1/scans", authority, R"({"mode": "full"})");
  send("POST", "/v1/scans", "/v1/scans", authority, R"({"mode": "full"})");
  s.scans.wait_idle();

  // Every documented status was answered.
  std::vector<std::string> missing;
  for (const auto& [route, item] : doc["paths"].items())
    for (const auto& [lower, operation] : item.items())
      for (const auto& [status, response] : operation["responses"].items()) {
        const auto op = testing::http_method(lower) + " " + route;
        if (status == "409" && testing::http_method(lower) == "POST" && !seen.statuses.count({op, 409})) {
          // The Idempotency-Key race (see the top of this file), when the route has no 409 of its own.
          continue;
        }
        if (!seen.statuses.count({op, std::stoi(status)})) missing.push_back(op + " " + status);
      }
  std::string list;
  for (const auto& m : missing) list += m + "\n";
  INFO("documented but not answered:\n" << list);
  CHECK(missing.empty());

  // Every answer: its status documented, its body as documented.
  const auto check = testing::check_openapi(document, seen.answers);
  INFO(check.output);
  CHECK(check.exit_code == 0);
}
