#pragma once
// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for every POST and PATCH route
// that has a caller: the first answer to a key is stored and replayed to retries, so a client
// that lost an answer (a timeout, a 503 for an unreachable database) can safely send again.
// Runs after authentication, around the handler, in the server; handlers know nothing of it.
//   - same key, same request (method, target, body): the first answer, with
//     `Idempotent-Replayed: true`;
//   - same key, another request: 422 naming the header;
//   - same key while the first request still runs: waits for it, then its answer (or runs, if
//     the first one failed);
//   - an empty key or one over 255 bytes: 400.
// The key and the answer are written in the write's own transaction (engine/store/keyed_write.hpp,
// group commit included), so a request committed exactly when its key did: after a crash a
// retry replays the first answer if the write committed and runs at once if it did not.
// Answers of 5xx are not stored (their transaction rolls back), so a retry runs the request
// again. Keys belong to the token that sent them and are forgotten after
// engine::store::kIdempotencyRetention.
#include <cstddef>
#include <string>

#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api {

inline constexpr std::size_t kMaxIdempotencyKeyBytes = 255;

// The route's answer to the authenticated `request`, honouring its Idempotency-Key.
Response run_idempotent(const Route& route, const Request& request, AppContext& ctx);

// Hex SHA-256 of what makes two requests the same: method, target and body.
std::string request_fingerprint(const Request& request);

}  // namespace jiaohe::api
