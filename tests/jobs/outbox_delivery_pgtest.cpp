// Delivery of the outbox to a local webhook: signed, once per success, retried with backoff,
// dead after the limit, and left queued when no URL is configured.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/disputes/dispute_desk.hpp"
#include "jobs/outbox_delivery.hpp"
#include "tests/engine/tasks/workflow_fixture.hpp"
#include "tests/support/webhook_server.hpp"

using namespace jiaohe;

namespace {

struct DeliveryFixture : testing::WorkflowFixture {
  void file_dispute() { disputes.file(plain_dispute(), clock.now()); }
  jobs::WebhookConfig config(const testing::WebhookServer& server) {
    jobs::WebhookConfig c;
    c.urls["civ"] = server.url("/civ");
    c.secret = "s3cret";
    c.retry = {3, std::chrono::seconds(60)};
    return c;
  }
};

}  // namespace

TEST_CASE("a notification is posted once with its signature and idempotency key") {
  DeliveryFixture f;
  testing::WebhookServer server;
  f.file_dispute();
  jobs::OutboxDelivery delivery(f.db.url(), f.config(server));
  delivery.run_once(f.clock.now());
  CHECK(delivery.last().delivered == 1);
  delivery.run_once(f.clock.now() + std::chrono::hours(1));
  CHECK(delivery.last().delivered == 0);
  const auto received = server.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].target == "/civ");
  CHECK(received[0].headers.at("X-Jiaohe-Signature") == jobs::webhook_signature("s3cret", received[0].body));
  CHECK(received[0].headers.at("Idempotency-Key") == "task_opened:1");
  CHECK(nlohmann::json::parse(received[0].body)["task"]["kind"] == "verify_dispute");
  CHECK(f.sql("SELECT status FROM outbox WHERE kind = 'task_opened'") == "delivered");
}

TEST_CASE("a failed delivery is retried after the backoff and succeeds") {
  DeliveryFixture f;
  testing::WebhookServer server({500});
  f.file_dispute();
  jobs::OutboxDelivery delivery(f.db.url(), f.config(server));
  delivery.run_once(f.clock.now());
  CHECK(delivery.last().retried == 1);
  CHECK(f.sql("SELECT last_error FROM outbox WHERE kind = 'task_opened'") == "HTTP 500");
  delivery.run_once(f.clock.now() + std::chrono::seconds(59));
  CHECK(delivery.last().delivered == 0);
  delivery.run_once(f.clock.now() + std::chrono::seconds(60));
  CHECK(delivery.last().delivered == 1);
  CHECK(server.received().size() == 2);
  CHECK(f.sql("SELECT attempts FROM outbox WHERE kind = 'task_opened'") == "2");
}

TEST_CASE("a notification becomes a dead letter after the last attempt") {
  DeliveryFixture f;
  testing::WebhookServer server({500, 502, 503, 200});
  f.file_dispute();
  jobs::OutboxDelivery delivery(f.db.url(), f.config(server));
  auto now = f.clock.now();
  for (int i = 0; i < 5; ++i, now += std::chrono::hours(1)) delivery.run_once(now);
  CHECK(server.received().size() == 3);
  CHECK(f.sql("SELECT status || ' ' || attempts FROM outbox WHERE kind = 'task_opened'") == "dead 3");
}

TEST_CASE("without a URL for the recipient notifications stay queued") {
  DeliveryFixture f;
  f.file_dispute();
  jobs::WebhookConfig config;
  config.urls["party"] = "http://127.0.0.1:9/none";
  jobs::OutboxDelivery delivery(f.db.url(), config);
  delivery.run_once(f.clock.now());
  CHECK(f.sql("SELECT status || ' ' || attempts FROM outbox WHERE kind = 'task_opened'") == "queued 0");
}
