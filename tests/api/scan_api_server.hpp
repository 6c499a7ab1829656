#pragma once
// The workflow fixture's database and platform served over a real socket, with a scan
// launcher, for the scans, findings and reports suites. Tests join background scans with
// `scans.wait_idle()` instead of sleeping.
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/scan/scan_launcher.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/http_client.hpp"

namespace jiaohe::testing {

struct ScanApiServer : WorkflowFixture {
  // Declared before the server, so the server stops first and the launcher joins its scans
  // before the database goes away.
  engine::scan::ScanLauncher scans{db.url(), pack, setup, clock};
  api::AppContext context{db.url(), &clock, setup, &scans};
  api::Router router{api::make_routes()};
  api::Server server{[] {
                       api::ServerOptions o;
                       o.port = 0;
                       return o;
                     }(),
                     router, context};
  unsigned short port = server.start();
  engine::store::TokenStore tokens{db.url()};

  std::string token(engine::auth::Role role, const std::string& agency = "") {
    engine::store::TokenSpec spec;
    spec.role = role;
    spec.agency_code = agency;
    if (role == engine::auth::Role::kCitizen) spec.subject_id = person;
    return tokens.create(spec, clock.now()).token;
  }
  HttpResult get(const std::string& token, const std::string& target) {
    return http_request(port, "GET", target, "", {{"Authorization", "Bearer " + token}});
  }
  HttpResult post(const std::string& token, const std::string& target, const std::string& body) {
    return http_request(port, "POST", target, body,
                        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  }
  // GET answered 200, as JSON.
  nlohmann::json get_json(const std::string& token, const std::string& target) {
    const auto r = get(token, target);
    if (r.status != 200) throw std::runtime_error("GET " + target + " answered " + std::to_string(r.status) + ": " + r.body);
    return nlohmann::json::parse(r.body);
  }
  // Every item of a list, following next_cursor page by page.
  std::vector<nlohmann::json> all_pages(const std::string& token, const std::string& target) {
    std::vector<nlohmann::json> items;
    const char sep = target.find('?') == std::string::npos ? '?' : '&';
    auto page = get_json(token, target);
    for (int pages = 1;; ++pages) {
      for (const auto& item : page["items"]) items.push_back(item);
      if (page["next_cursor"].is_null() || pages > 1000) break;
      page = get_json(token, target + sep + "cursor=" + page["next_cursor"].get<std::string>());
    }
    return items;
  }
};

}  // namespace jiaohe::testing
