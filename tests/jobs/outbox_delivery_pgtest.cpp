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
  const auto sent_at = std::chrono::duration_cast<std::chrono::seconds>(f.clock.now().time_since_epoch()).count();
  CHECK(received[0].headers.at("X-Jiaohe-Timestamp") == std::to_string(sent_at));
  CHECK(received[0].headers.at("X-Jiaohe-Signature") == jobs::webhook_signature("s3cret", sent_at, received[0].body));
  CHECK(testing::verify_webhook(received[0], "s3cret", sent_at) == testing::WebhookVerdict::kValid);
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

TEST_CASE("a receiver verifies a delivery, detects a replay by its old timestamp and a forgery by its signature") {
  DeliveryFixture f;
  testing::WebhookServer server;
  f.file_dispute();
  jobs::OutboxDelivery delivery(f.db.url(), f.config(server));
  delivery.run_once(f.clock.now());
  const auto received = server.received();
  REQUIRE(received.size() == 1);
  const auto sent_at = std::chrono::duration_cast<std::chrono::seconds>(f.clock.now().time_since_epoch()).count();
  CHECK(testing::verify_webhook(received[0], "s3cret", sent_at + 299) == testing::WebhookVerdict::kValid);
  // The same bytes sent again six minutes later: the signature holds, the timestamp is old.
  CHECK(testing::verify_webhook(received[0], "s3cret", sent_at + 360) == testing::WebhookVerdict::kStale);
  // A replay with a fresh timestamp does not match the signature, nor does another body or key.
  auto refreshed = received[0];
  refreshed.headers["X-Jiaohe-Timestamp"] = std::to_string(sent_at + 360);
  CHECK(testing::verify_webhook(refreshed, "s3cret", sent_at + 360) == testing::WebhookVerdict::kBadSignature);
  auto tampered = received[0];
  tampered.body += " ";
  CHECK(testing::verify_webhook(tampered, "s3cret", sent_at) == testing::WebhookVerdict::kBadSignature);
  CHECK(testing::verify_webhook(received[0], "another", sent_at) == testing::WebhookVerdict::kBadSignature);
}

TEST_CASE("a recipient with its own secret gets deliveries signed with it, the others with the default") {
  DeliveryFixture f;
  testing::WebhookServer server;
  f.file_dispute();
  f.disputes.answer(1, "corrected", "fixed", testing::kCivClerk, f.clock.now());
  auto config = f.config(server);
  config.urls["party"] = server.url("/party");
  config.secrets["party"] = "party-only";
  jobs::OutboxDelivery delivery(f.db.url(), config);
  delivery.run_once(f.clock.now());
  const auto sent_at = std::chrono::duration_cast<std::chrono::seconds>(f.clock.now().time_since_epoch()).count();
  int checked = 0;
  for (const auto& w : server.received()) {
    const bool party = w.target == "/party";
    CHECK(testing::verify_webhook(w, party ? "party-only" : "s3cret", sent_at) == testing::WebhookVerdict::kValid);
    CHECK(testing::verify_webhook(w, party ? "s3cret" : "party-only", sent_at) == testing::WebhookVerdict::kBadSignature);
    ++checked;
  }
  CHECK(checked == 2);
  // The result carries what the party's platform needs: the claim and the party's address.
  for (const auto& w : server.received())
    if (w.target == "/party") {
      const auto body = nlohmann::json::parse(w.body);
      CHECK(body["claim"]["description"] == "wrong name");
      CHECK(body.contains("notify"));
    }
}
