#pragma once
// The notification outbox: rows are written with the events that cause them (TaskTx::notify);
// here they are taken one at a time under a row lock (FOR UPDATE SKIP LOCKED), handed to a
// sender, and marked delivered, retried later with backoff, or dead after the last attempt.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct OutboxMessage {
  std::int64_t id = 0;
  std::string idempotency_key, recipient, kind, payload;
  int attempts = 0;  // before this one
};

struct RetryPolicy {
  int max_attempts = 5;
  std::chrono::seconds first_backoff{30};  // doubled after each failure
};

struct DeliveryCounts {
  int delivered = 0, retried = 0, dead = 0;
};

// Sends one message; returns an error text, or nullopt on success.
using Sender = std::function<std::optional<std::string>(const OutboxMessage&)>;

class OutboxStore {
 public:
  explicit OutboxStore(std::string url) : url_(std::move(url)) {}

  // Delivers the queued messages due at `now` whose recipient is in `recipients` (those with a
  // URL configured; the others stay queued and visible).
  DeliveryCounts deliver_due(Instant now, const std::vector<std::string>& recipients, const Sender& send,
                             const RetryPolicy& policy);

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
