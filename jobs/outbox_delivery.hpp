#pragma once
// Delivers the outbox as JSON POSTs to webhooks (one URL per agency, one for the authority, one
// for party notifications, one for the platform's 异议标注 marks), with the notification's
// idempotency key as a header so a receiver can drop a repeat; failures retry with backoff
// (next attempt computed from the run's `now`) and become dead letters after the limit.
//
// Signing (docs/API.md "Webhooks"): X-Jiaohe-Timestamp is the delivery's instant in Unix seconds
// and X-Jiaohe-Signature is "sha256=" + hex HMAC-SHA256 over "<timestamp>.<body>" under the
// recipient's secret. The timestamp is signed, so a receiver that rejects old timestamps (5
// minutes) rejects a replayed delivery, and one that compares in constant time leaks nothing.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "engine/store/outbox_store.hpp"
#include "jobs/job.hpp"

namespace jiaohe::jobs {

struct WebhookConfig {
  std::map<std::string, std::string> urls;  // recipient (agency code, "authority", "party", "platform") -> http://host:port/path
  std::string secret;                       // HMAC-SHA256 key of every recipient without its own
  engine::store::RetryPolicy retry;
  std::chrono::milliseconds timeout{5000};
  std::map<std::string, std::string> secrets = {};  // recipient -> its own key

  const std::string& secret_for(const std::string& recipient) const;
};

// "sha256=" + lower-case hex HMAC-SHA256 of "<timestamp>.<body>" under `secret`: the
// X-Jiaohe-Signature header of a delivery whose X-Jiaohe-Timestamp is `timestamp`.
std::string webhook_signature(const std::string& secret, std::int64_t timestamp, const std::string& body);

class OutboxDelivery final : public Job {
 public:
  OutboxDelivery(std::string url, WebhookConfig config) : store_(std::move(url)), config_(std::move(config)) {}
  std::string name() const override { return "outbox_delivery"; }
  void run_once(engine::Instant now) override;
  const engine::store::DeliveryCounts& last() const { return last_; }

 private:
  std::optional<std::string> post(const engine::store::OutboxMessage& message, engine::Instant now) const;

  engine::store::OutboxStore store_;
  WebhookConfig config_;
  engine::store::DeliveryCounts last_;
};

}  // namespace jiaohe::jobs
