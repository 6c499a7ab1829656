// The server killed (SIGKILL) in the middle of a filing with an Idempotency-Key, through the
// test hook JIAOHE_TEST_KILL_AT, then started again and asked the same: the key commits exactly
// when the filing does, so the retry replays the first answer when the filing committed and
// files at once when it did not.
#include <doctest/doctest.h>

#include <csignal>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/serve_process.hpp"

using namespace jiaohe;
using nlohmann::json;

namespace {

struct CrashedFiling : testing::WorkflowFixture {
  std::map<std::string, std::string> headers = [this] {
    engine::store::TokenSpec spec;
    spec.role = engine::auth::Role::kCitizen;
    spec.subject_id = person;
    const auto token = engine::store::TokenStore(db.url()).create(spec, engine::SystemClock().now()).token;
    return std::map<std::string, std::string>{
        {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Idempotency-Key", "crash-1"}};
  }();
  const std::string body = json{{"subject_id", person}, {"agency_code", "gaj"}, {"description", "my name is misspelt"}}.dump();

  // The filing sent to a server that kills itself at `point`; true when it died of SIGKILL
  // without answering.
  bool file_and_crash(const std::string& point) {
    testing::ServeProcess serve(db.url(), {}, {"JIAOHE_TEST_KILL_AT=" + point});
    const auto port = serve.port();
    REQUIRE(port != 0);
    bool answered = true;
    try {
      testing::http_request(port, "POST", "/v1/disputes", body, headers);
    } catch (const std::exception&) {
      answered = false;
    }
    return !answered && serve.wait_for_signal() == SIGKILL;
  }
  // The same request to a server started afresh.
  testing::HttpResult retry() {
    testing::ServeProcess serve(db.url());
    const auto port = serve.port();
    REQUIRE(port != 0);
    auto r = testing::http_request(port, "POST", "/v1/disputes", body, headers);
    CHECK(serve.terminate_and_wait() == 0);
    return r;
  }
};

}  // namespace

TEST_CASE("a server killed after the filing committed answers the retry with the first filing") {
  CrashedFiling s;
  REQUIRE(s.file_and_crash("after_commit"));
  REQUIRE(s.sql("SELECT count(*) FROM disputes") == "1");
  const auto committed = s.sql("SELECT id FROM disputes");

  const auto r = s.retry();
  CHECK(r.status == 201);
  CHECK(r.headers.at("idempotent-replayed") == "true");
  CHECK(std::to_string(json::parse(r.body)["id"].get<std::int64_t>()) == committed);
  CHECK(r.headers.at("location") == "/v1/disputes/" + committed);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");
}

TEST_CASE("a server killed before the filing committed files once on the retry, at once") {
  CrashedFiling s;
  REQUIRE(s.file_and_crash("before_commit"));
  CHECK(s.sql("SELECT count(*) FROM disputes") == "0");
  CHECK(s.sql("SELECT count(*) FROM idempotency_keys") == "0");

  // No waiting period: the key of a filing that never committed is free right away.
  const auto r = s.retry();
  CHECK(r.status == 201);
  CHECK(r.headers.count("idempotent-replayed") == 0);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");
  CHECK(std::to_string(json::parse(r.body)["id"].get<std::int64_t>()) == s.sql("SELECT id FROM disputes"));
  // And a second retry replays that filing.
  CHECK(s.retry().headers.at("idempotent-replayed") == "true");
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");
}
