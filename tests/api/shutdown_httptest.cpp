#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/http_client.hpp"

using namespace jiaohe;

TEST_CASE("a graceful stop answers every filing in flight and each answered filing is committed") {
  testing::WorkflowFixture f;
  // One lane, so the filings queue behind a single blocked batch.
  engine::store::GroupCommitter commits(f.db.url(), f.setup, engine::store::GroupCommitOptions{1, 64});
  api::AppContext context{f.db.url(), &f.clock, f.setup, &commits};
  api::Router router{api::make_routes()};
  api::ServerOptions options;
  options.port = 0;
  options.worker_threads = 8;
  api::Server server(options, router, context);
  const auto port = server.start();
  engine::store::TokenSpec spec;
  spec.role = engine::auth::Role::kAuthority;
  const auto token = engine::store::TokenStore(f.db.url()).create(spec, f.clock.now()).token;
  const std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + token},
                                                      {"Content-Type", "application/json"}};

  // Hold every insert into disputes until the stop has begun.
  pqxx::connection blocker_connection(f.db.url());
  pqxx::work blocker(blocker_connection);
  blocker.exec0("LOCK TABLE disputes IN EXCLUSIVE MODE");

  constexpr int kFilings = 5;
  std::vector<testing::HttpResult> results(kFilings);
  std::vector<std::thread> clients;
  for (int i = 0; i < kFilings; ++i)
    clients.emplace_back([&, i] {
      const auto body = nlohmann::json{{"subject_id", i % 2 ? f.person : f.other},
                                       {"dataset_id", "reg"},
                                       {"description", "filing " + std::to_string(i)}}
                            .dump();
      results[i] = testing::http_request(port, "POST", "/v1/disputes", body, headers);
    });
  while (commits.in_flight() < kFilings) std::this_thread::yield();

  std::thread stopper([&] { server.stop(); });
  // Once the stop has closed the listening socket, let the filings proceed: stop() must wait
  // for their answers.
  auto accepting = [&] {
    try {
      testing::http_request(port, "GET", "/healthz");
      return true;
    } catch (const std::exception&) {
      return false;
    }
  };
  while (accepting()) std::this_thread::yield();
  blocker.commit();
  stopper.join();
  for (auto& c : clients) c.join();

  for (int i = 0; i < kFilings; ++i) {
    CAPTURE(i);
    CHECK(results[i].status == 201);
    CHECK(results[i].headers["connection"] == "close");
    const auto id = nlohmann::json::parse(results[i].body)["id"].get<std::int64_t>();
    CHECK(f.sql("SELECT description FROM disputes WHERE id = " + std::to_string(id)) == "filing " + std::to_string(i));
  }
  CHECK(f.sql("SELECT count(*) FROM disputes") == std::to_string(kFilings));
}
