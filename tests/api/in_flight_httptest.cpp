// Requests held in flight on purpose (a table lock stops their insert) to check what the server
// does meanwhile: a graceful stop waits for them, and a full queue sheds load with 503.
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include "api/app_context.hpp"
#include "api/router.hpp"
#include "api/server.hpp"
#include "engine/store/group_commit.hpp"
#include "engine/store/token_store.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/table_lock.hpp"

using namespace jiaohe;

namespace {

struct HeldFilings : testing::WorkflowFixture {
  // One lane, so the filings queue behind a single blocked batch.
  engine::store::GroupCommitter commits{db.url(), setup, engine::store::GroupCommitOptions{1, 64}};
  api::AppContext context{db.url(), &clock, setup, &commits};
  api::Router router{api::make_routes()};
  std::unique_ptr<api::Server> server;
  unsigned short port = 0;
  std::map<std::string, std::string> headers;
  // Every insert into disputes waits until release().
  testing::TableLock blocker{db.url(), "disputes", "EXCLUSIVE"};

  explicit HeldFilings(api::ServerOptions options) {
    options.port = 0;
    server = std::make_unique<api::Server>(options, router, context);
    port = server->start();
    engine::store::TokenSpec spec;
    spec.role = engine::auth::Role::kAuthority;
    headers = {{"Authorization", "Bearer " + engine::store::TokenStore(db.url()).create(spec, clock.now()).token},
               {"Content-Type", "application/json"}};
  }
  void release() { blocker.release(); }

  testing::HttpResult file(int i) {
    const auto body = nlohmann::json{{"subject_id", i % 2 ? person : other},
                                     {"dataset_id", "reg"},
                                     {"description", "filing " + std::to_string(i)}}
                          .dump();
    return testing::http_request(port, "POST", "/v1/disputes", body, headers);
  }
  bool accepting() {
    try {
      testing::http_request(port, "GET", "/healthz");
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }
};

api::ServerOptions workers(int n, std::size_t queue_limit) {
  api::ServerOptions o;
  o.worker_threads = n;
  o.queue_limit = queue_limit;
  return o;
}

}  // namespace

TEST_CASE("a graceful stop answers every filing in flight and each answered filing is committed") {
  HeldFilings s(workers(8, 256));
  constexpr int kFilings = 5;
  std::vector<testing::HttpResult> results(kFilings);
  std::vector<std::thread> clients;
  for (int i = 0; i < kFilings; ++i) clients.emplace_back([&, i] { results[i] = s.file(i); });
  while (s.commits.in_flight() < kFilings) std::this_thread::yield();

  std::thread stopper([&] { s.server->stop(); });
  // Once the stop has closed the listening socket, let the filings proceed: stop() must wait
  // for their answers.
  while (s.accepting()) std::this_thread::yield();
  s.release();
  stopper.join();
  for (auto& c : clients) c.join();

  for (int i = 0; i < kFilings; ++i) {
    CAPTURE(i);
    CHECK(results[i].status == 201);
    const auto id = nlohmann::json::parse(results[i].body)["id"].get<std::int64_t>();
    CHECK(s.sql("SELECT description FROM disputes WHERE id = " + std::to_string(id)) == "filing " + std::to_string(i));
  }
  CHECK(s.sql("SELECT count(*) FROM disputes") == std::to_string(kFilings));
}

TEST_CASE("a full request queue is answered 503 with Retry-After instead of queueing without bound") {
  HeldFilings s(workers(1, 1));
  testing::HttpResult held;
  std::thread client([&] { held = s.file(1); });
  while (s.commits.in_flight() < 1) std::this_thread::yield();

  const auto shed = s.file(2);
  CHECK(shed.status == 503);
  CHECK(shed.headers.count("retry-after") == 1);
  s.release();
  client.join();
  CHECK(held.status == 201);
  CHECK(s.sql("SELECT count(*) FROM disputes") == "1");  // the shed request wrote nothing
  CHECK(s.file(3).status == 201);                         // and the server serves again
}
