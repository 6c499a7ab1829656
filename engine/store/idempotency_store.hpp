#pragma once
// The database side of Idempotency-Key: what an earlier request with the same key answered,
// and the statements a keyed write runs inside its own transaction (engine/store/keyed_write.hpp)
// to claim the key and record its answer. Keys are scoped to a token.
//
// A key's row is inserted by the write's transaction itself and completed with the answer
// before that transaction commits, so a committed write always has its key and answer and a
// write that never committed leaves no trace of its key: a retry after a crash either replays
// the first answer or runs at once.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/clock.hpp"

namespace pqxx {
class transaction_base;
}

namespace jiaohe::engine::store {

// An HTTP answer as it is replayed (the store knows no api types).
struct StoredResponse {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// A request's key: the token that sent it, the header's value and the request's fingerprint
// (what makes two requests the same).
struct IdempotencyKey {
  std::int64_t token_id = 0;
  std::string key;
  std::string fingerprint;
};

// How long a key is remembered; then it is deleted (by the next look-up of any key) and may be
// used afresh.
inline constexpr std::chrono::hours kIdempotencyRetention{24};

struct IdempotencyLookup {
  enum class Outcome {
    kNew,       // no committed request has the key: run the request
    kReplay,    // the same request committed: `response` is its answer
    kMismatch,  // the key was used for another request
  };
  Outcome outcome = Outcome::kNew;
  std::optional<StoredResponse> response;  // kReplay only
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(std::string url);

  // What a committed request with the key answered; forgets keys past their retention first.
  // A request with the key that is still running is not seen (its row is not committed).
  IdempotencyLookup find(const IdempotencyKey& key, Instant now) const;

 private:
  std::string url_;
};

// Inside a write's transaction: inserts the key's row, waiting for a concurrent transaction
// that inserted the same key to end; false when the key belongs to a committed request (or to
// an earlier write of this same transaction).
bool claim_key(pqxx::transaction_base& tx, const IdempotencyKey& key, Instant now);
// Inside the same transaction: stores the answer in the claimed row.
void record_answer(pqxx::transaction_base& tx, const IdempotencyKey& key, const StoredResponse& response, Instant now);

}  // namespace jiaohe::engine::store
