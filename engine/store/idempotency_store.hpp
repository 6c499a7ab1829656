#pragma once
// The database side of Idempotency-Key: claiming a key for a request, storing the answer, and
// finding what an earlier request with the same key did. Keys are scoped to a token.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/clock.hpp"

namespace jiaohe::engine::store {

// An HTTP answer as it is replayed (the store knows no api types).
struct StoredResponse {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// How long a key is remembered; then it is deleted (by the next claim of any key) and may be
// claimed afresh.
inline constexpr std::chrono::hours kIdempotencyRetention{24};
// A claim still running after this long is taken to be lost (the process died while
// handling it) and may be claimed again.
inline constexpr std::chrono::minutes kIdempotencyLease{5};

struct IdempotencyClaim {
  enum class Outcome {
    kClaimed,     // the key is new: run the request, then complete() or release()
    kReplay,      // the same request already finished: `response` is its answer
    kInProgress,  // the same request is still running
    kMismatch,    // the key was used for another request
    kInDoubt,     // the same request failed with its commit's outcome unknown
  };
  Outcome outcome = Outcome::kClaimed;
  std::optional<StoredResponse> response;  // kReplay only
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(std::string url);

  // Claims (token_id, key) for the request with `fingerprint`, committed before it returns, so
  // a concurrent retry sees it; or says what an earlier claim of the key did.
  IdempotencyClaim claim(std::int64_t token_id, const std::string& key, const std::string& fingerprint, Instant now);
  // Stores the answer of a claimed key.
  void complete(std::int64_t token_id, const std::string& key, const StoredResponse& response, Instant now);
  // Forgets a running claim, so that a retry runs the request again.
  void release(std::int64_t token_id, const std::string& key);
  // Keeps a running claim whose request may or may not have taken effect until it expires:
  // neither replayable nor safe to run again.
  void mark_in_doubt(std::int64_t token_id, const std::string& key);

 private:
  std::string url_;
};

}  // namespace jiaohe::engine::store
