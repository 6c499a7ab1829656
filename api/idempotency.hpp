#pragma once
// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for every POST and PATCH route
// that has a caller: the first answer to a key is stored and replayed to retries, so a client
// that lost an answer (a timeout, a 503 for an unreachable database) can safely send again.
// Runs after authentication, around the handler, in the server; handlers know nothing of it.
//   - same key, same request (method, target, body): the first answer, with
//     `Idempotent-Replayed: true`;
//   - same key, another request: 422 naming the header;
//   - same key while the first request still runs: 409 (Retry-After: 1);
//   - an empty key or one over 255 bytes: 400.
// Answers of 5xx are not stored, so a retry runs the request again; but when the handler's
// commit was in doubt (the connection broke during COMMIT) running it again could do it twice,
// so the key answers 409 until it expires. Keys belong to the token that sent them and are
// forgotten after engine::store::kIdempotencyRetention.
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
