#pragma once
// The workflow fixture's database and platform, served over a real socket on a free port, with
// filings group-committed as `jiaohe serve` does and tokens made on demand: what the
// *_httptest suites of workflow endpoints start from.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"

namespace jiaohe::testing {

struct ServedWorkflow : WorkflowFixture {
  engine::store::GroupCommitter commits{db.url(), setup};
  api::AppContext context{db.url(), &clock, setup, &commits};
  api::Router router{api::make_routes()};
  api::Server server{[] {
                       api::ServerOptions o;
                       o.port = 0;
                       return o;
                     }(),
                     router, context};
  unsigned short port = server.start();
  engine::store::TokenStore tokens{db.url()};

  engine::store::CreatedToken created_token(engine::auth::Role role, const std::string& subject = "",
                                            const std::string& agency = "") {
    engine::store::TokenSpec spec;
    spec.role = role;
    spec.subject_id = subject;
    spec.agency_code = agency;
    return tokens.create(spec, clock.now());
  }
  std::string token(engine::auth::Role role, const std::string& subject = "", const std::string& agency = "") {
    return created_token(role, subject, agency).token;
  }
  // A valid dispute about `subject` in the platform's aid dataset (POST /v1/disputes).
  nlohmann::json filing(const std::string& subject) const {
    return {{"subject_id", subject},
            {"dataset_id", "aid"},
            {"attribute", "person.name"},
            {"claimed_value", "张三"},
            {"description", "my name is misspelt"},
            {"notify", {{"channel", "sms"}, {"address", "13800138000"}}}};
  }
  static std::map<std::string, std::string> bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  }
};

}  // namespace jiaohe::testing
