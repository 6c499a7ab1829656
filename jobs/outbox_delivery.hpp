#pragma once
// Delivers the outbox as JSON POSTs to webhooks (one URL per agency, one for the authority, one
// for party notifications), signed with HMAC-SHA256 over the body, with the notification's
// idempotency key as a header so a receiver can drop a repeat; failures retry with backoff
// (next attempt computed from the run's `now`) and become dead letters after the limit.
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "engine/store/outbox_store.hpp"
#include "jobs/job.hpp"

namespace jiaohe::jobs {

struct WebhookConfig {
  std::map<std::string, std::string> urls;  // recipient (agency code, "authority", "party") -> http://host:port/path
  std::string secret;                       // HMAC-SHA256 key
  engine::store::RetryPolicy retry;
  std::chrono::milliseconds timeout{5000};
};

// "sha256=" + lower-case hex HMAC-SHA256 of `body` under `secret`: the X-Jiaohe-Signature header.
std::string webhook_signature(const std::string& secret, const std::string& body);

class OutboxDelivery final : public Job {
 public:
  OutboxDelivery(std::string url, WebhookConfig config) : store_(std::move(url)), config_(std::move(config)) {}
  std::string name() const override { return "outbox_delivery"; }
  void run_once(engine::Instant now) override;
  const engine::store::DeliveryCounts& last() const { return last_; }

 private:
  std::optional<std::string> post(const engine::store::OutboxMessage& message) const;

  engine::store::OutboxStore store_;
  WebhookConfig config_;
  engine::store::DeliveryCounts last_;
};

}  // namespace jiaohe::jobs
