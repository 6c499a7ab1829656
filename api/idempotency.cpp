#include "api/idempotency.hpp"

#include <nlohmann/json.hpp>

#include "api/kill_point.hpp"
#include "api/problem.hpp"
#include "engine/store/idempotency_store.hpp"
#include "engine/store/keyed_write.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::api {
namespace {

using engine::store::IdempotencyLookup;

constexpr const char* kHeader = "idempotency-key";

// Non-idempotent methods (RFC 9110 §9.2.2); GET, PUT and DELETE may be repeated anyway.
bool takes_key(const Route& route) { return route.method == "POST" || route.method == "PATCH"; }

// The handler's answer; whatever it throws becomes its problem answer here, so that the key
// is settled for failures too.
Response run_handler(const Route& route, const Request& request, AppContext& ctx) {
  try {
    return route.handler(request, ctx);
  } catch (...) {
    return problem_from_current_exception();
  }
}

Response replay(engine::store::StoredResponse stored) {
  Response r;
  r.status = stored.status;
  r.content_type = std::move(stored.content_type);
  r.headers = std::move(stored.headers);
  r.headers.emplace_back("Idempotent-Replayed", "true");
  r.body = std::move(stored.body);
  return r;
}

}  // namespace

std::string request_fingerprint(const Request& request) {
  std::string material = request.method;
  material.append(1, '\n').append(request.target).append(1, '\n').append(request.body);
  return engine::util::sha256_hex(material);
}

Response run_idempotent(const Route& route, const Request& request, AppContext& ctx) {
  const auto header = request.headers.find(kHeader);
  if (header == request.headers.end() || !takes_key(route) || !request.caller) return route.handler(request, ctx);
  if (header->second.empty() || header->second.size() > kMaxIdempotencyKeyBytes)
    return problem(400, "Bad Idempotency-Key",
                   "the Idempotency-Key header must hold 1 to " + std::to_string(kMaxIdempotencyKeyBytes) + " bytes");

  const engine::store::IdempotencyKey key{request.caller->token_id, header->second, request_fingerprint(request)};
  const engine::store::IdempotencyStore store(ctx.database_url);
  // A request with the same key that commits while this one runs makes this one's write find
  // the key taken (nothing of it is kept); then the key is looked up again and replayed.
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto now = ctx.clock->now();
    auto found = store.find(key, now);
    if (found.outcome == IdempotencyLookup::Outcome::kReplay) return replay(std::move(*found.response));
    if (found.outcome == IdempotencyLookup::Outcome::kMismatch)
      return problem(422, "Idempotency-Key reused",
                     "this Idempotency-Key was already used for another request; use a new key for a new request",
                     nlohmann::json{{"errors", nlohmann::json::array({nlohmann::json{
                                                   {"header", "Idempotency-Key"}, {"detail", "used for another request"}}})}});

    engine::store::KeyedWrite write(ctx.database_url, key, now);
    auto response = run_handler(route, request, ctx);
    if (write.key_taken()) continue;
    // A server error is not kept: leaving `write` rolls back its writes and its key, so that a
    // retry runs the request again.
    if (response.status >= 500) return response;
    kill_point("before_commit");
    try {
      write.seal({response.status, response.content_type, response.headers, response.body});
    } catch (const engine::store::KeyTaken&) {
      continue;
    } catch (const engine::store::BatchAbandoned&) {
      auto r = problem(503, "Service unavailable", "the request was not committed; send it again with the same Idempotency-Key");
      r.headers.emplace_back("Retry-After", "1");
      return r;
    } catch (...) {
      // Not committed, or unknown (the connection broke during COMMIT): either way a retry with
      // the key is safe, as the key committed exactly when the write did.
      return problem_from_current_exception();
    }
    kill_point("after_commit");
    return response;
  }
  auto r = problem(409, "Request in progress", "a request with this Idempotency-Key is being handled; retry shortly");
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

}  // namespace jiaohe::api
