#pragma once
// The workflow fixture's database and platform served over a real socket on a free port, with
// tokens per role and JSON helpers: what the task, dispute, scan, finding and report httptests
// start from.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/scan/scan_launcher.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/http_client.hpp"

namespace jiaohe::testing {

struct WorkflowServer : WorkflowFixture {
  // Filings are group-committed, as `jiaohe serve` does.
  engine::store::GroupCommitter commits{db.url(), setup};
  // Scans started over HTTP; declared before the server, so that the server stops first and
  // the launcher joins its scans before the database goes away. Tests join them with
  // scans.wait_idle() instead of sleeping.
  engine::scan::ScanLauncher scans{db.url(), engine::scan::ScanAndOpenTasks(db.url(), catalogue, pack, setup), clock};
  api::AppContext context{db.url(), &clock, setup, &commits, &scans};
  api::Router router{api::make_routes()};
  api::Server server{[] {
                       api::ServerOptions o;
                       o.port = 0;
                       return o;
                     }(),
                     router, context};
  unsigned short port = server.start();
  engine::store::TokenStore tokens{db.url()};

  std::string token(engine::auth::Role role, const std::string& subject = "", const std::string& agency = "") {
    engine::store::TokenSpec spec;
    spec.role = role;
    spec.subject_id = subject;
    spec.agency_code = agency;
    return tokens.create(spec, clock.now()).token;
  }

  // A token naming a person of the staff register of `agency` (empty: of the authority).
  std::string person_token(const std::string& agency, const std::string& staff_id, const std::string& name,
                           bool head = false) {
    engine::store::TokenSpec spec;
    spec.role = agency.empty() ? engine::auth::Role::kAuthority : engine::auth::Role::kAgency;
    spec.agency_code = agency;
    spec.staff_id = staff_id;
    spec.staff_name = name;
    spec.head = head;
    return tokens.create(spec, clock.now()).token;
  }

  // A valid POST /v1/disputes body about `subject` in the platform's aid dataset.
  nlohmann::json filing(const std::string& subject) const {
    return {{"subject_id", subject},
            {"dataset_id", "aid"},
            {"attribute", "person.name"},
            {"claimed_value", "张三"},
            {"description", "my name is misspelt"},
            {"notify", {{"channel", "sms"}, {"address", "13800138000"}}}};
  }

  HttpResult get(const std::string& token, const std::string& target) {
    return http_request(port, "GET", target, "", headers(token));
  }
  // A body as sent, malformed or empty ones included.
  HttpResult post_raw(const std::string& token, const std::string& target, const std::string& body) {
    return http_request(port, "POST", target, body, headers(token));
  }
  HttpResult post(const std::string& token, const std::string& target, const nlohmann::json& body) {
    return post_raw(token, target, body.dump());
  }
  // The body of a 200/201, failing the test with the answer otherwise.
  nlohmann::json ok(const HttpResult& r) {
    INFO(r.body);
    REQUIRE((r.status == 200 || r.status == 201));
    return nlohmann::json::parse(r.body);
  }

  // A dispute (or withdrawal) about the aid office's copy of `subject`, filed directly.
  engine::disputes::Filed file(const std::string& subject, engine::disputes::FilingChannel channel =
                                                            engine::disputes::FilingChannel::kAgency,
                            bool withdrawal = false) {
    auto r = name_dispute(subject);
    r.channel = channel;
    r.withdrawal = withdrawal;
    return disputes.file(r, clock.now());
  }

  // Every item of a list endpoint, following next_cursor page by page.
  std::vector<nlohmann::json> all_pages(const std::string& token, const std::string& target, int limit) {
    std::vector<nlohmann::json> items;
    std::string cursor;
    const auto sep = target.find('?') == std::string::npos ? "?" : "&";
    for (int guard = 0; guard < 100; ++guard) {
      const auto page =
          ok(get(token, target + sep + "limit=" + std::to_string(limit) + (cursor.empty() ? "" : "&cursor=" + cursor)));
      CHECK(page["items"].size() <= static_cast<std::size_t>(limit));
      for (const auto& item : page["items"]) items.push_back(item);
      if (page["next_cursor"].is_null()) return items;
      cursor = page["next_cursor"].get<std::string>();
    }
    FAIL("the pages never end");
    return items;
  }
  template <typename Items>
  static std::set<std::int64_t> ids(const Items& items) {
    std::set<std::int64_t> out;
    for (const auto& item : items) out.insert(item["id"].template get<std::int64_t>());
    return out;
  }
  // {"pointer": "detail"} of a 422, or {"parameter": "detail"} of a 400.
  static std::map<std::string, std::string> errors(const HttpResult& r) {
    std::map<std::string, std::string> out;
    const auto body = nlohmann::json::parse(r.body);
    for (const auto& e : body["errors"])
      out[e.contains("pointer") ? e["pointer"].get<std::string>() : e["parameter"].get<std::string>()] = e["detail"];
    return out;
  }
  static std::string task_path(std::int64_t id, const std::string& rest = "") {
    return "/v1/tasks/" + std::to_string(id) + rest;
  }
  static std::map<std::string, std::string> headers(const std::string& token) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  }
};

}  // namespace jiaohe::testing
