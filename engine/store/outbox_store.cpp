#include "engine/store/outbox_store.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/store/connection_pool.hpp"
#include "engine/store/pg_values.hpp"

namespace jiaohe::engine::store {
namespace {

constexpr const char* kTakeOne = R"sql(
  SELECT id, idempotency_key, recipient, kind, payload::text, attempts FROM outbox
  WHERE status = 'queued' AND next_attempt_at <= $1::timestamptz
    AND recipient = ANY(ARRAY(SELECT jsonb_array_elements_text($2::jsonb)))
  ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)sql";
constexpr const char* kDelivered = R"sql(
  UPDATE outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = $2::timestamptz, last_error = NULL
  WHERE id = $1)sql";
constexpr const char* kFailed = R"sql(
  UPDATE outbox SET status = $2, attempts = attempts + 1, last_error = $3, next_attempt_at = $4::timestamptz
  WHERE id = $1)sql";

}  // namespace

DeliveryCounts OutboxStore::deliver_due(Instant now, const std::vector<std::string>& recipients, const Sender& send,
                                        const RetryPolicy& policy) {
  DeliveryCounts counts;
  if (recipients.empty()) return counts;
  const auto wanted = nlohmann::json(recipients).dump();
  auto lease = connect(url_);
  auto& c = *lease;
  for (;;) {
    // One message per transaction: its lock is held while it is sent, so no other deliverer
    // sends it at the same time, and its outcome commits on its own.
    pqxx::work tx(c);
    const auto rows = tx.exec_params(kTakeOne, to_pg_timestamp(now), wanted);
    if (rows.empty()) return counts;
    const auto& r = rows[0];
    OutboxMessage m{r[0].as<std::int64_t>(), r[1].c_str(), r[2].c_str(), r[3].c_str(), r[4].c_str(), r[5].as<int>()};
    const auto error = send(m);
    if (!error) {
      tx.exec_params(kDelivered, m.id, to_pg_timestamp(now));
      ++counts.delivered;
    } else {
      const int attempts = m.attempts + 1;
      const bool dead = attempts >= policy.max_attempts;
      const auto next = now + policy.first_backoff * (1LL << std::min(attempts - 1, 20));
      tx.exec_params(kFailed, m.id, dead ? "dead" : "queued", *error, to_pg_timestamp(next));
      ++(dead ? counts.dead : counts.retried);
    }
    tx.commit();
  }
}

}  // namespace jiaohe::engine::store
