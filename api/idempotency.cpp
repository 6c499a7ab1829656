#include "api/idempotency.hpp"

#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "engine/log/log.hpp"
#include "engine/store/database.hpp"
#include "engine/store/idempotency_store.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::api {
namespace {

using engine::store::IdempotencyClaim;

constexpr const char* kHeader = "idempotency-key";

// Non-idempotent methods (RFC 9110 §9.2.2); GET, PUT and DELETE may be repeated anyway.
bool takes_key(const Route& route) { return route.method == "POST" || route.method == "PATCH"; }

struct Outcome {
  Response response;
  bool in_doubt = false;  // the handler's commit may or may not have happened
};

// The handler's answer; whatever it throws becomes its problem answer here, so that the key
// is settled for failures too.
Outcome run_handler(const Route& route, const Request& request, AppContext& ctx) {
  try {
    return {route.handler(request, ctx)};
  } catch (const std::exception& e) {
    return {problem_from_current_exception(), engine::store::is_commit_in_doubt(e)};
  } catch (...) {
    return {problem_from_current_exception()};
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
  const auto& key = header->second;
  if (key.empty() || key.size() > kMaxIdempotencyKeyBytes)
    return problem(400, "Bad Idempotency-Key",
                   "the Idempotency-Key header must hold 1 to " + std::to_string(kMaxIdempotencyKeyBytes) + " bytes");

  const auto token = request.caller->token_id;
  engine::store::IdempotencyStore store(ctx.database_url);
  auto claim = store.claim(token, key, request_fingerprint(request), ctx.clock->now());
  switch (claim.outcome) {
    case IdempotencyClaim::Outcome::kReplay: return replay(std::move(*claim.response));
    case IdempotencyClaim::Outcome::kMismatch:
      return problem(422, "Idempotency-Key reused",
                     "this Idempotency-Key was already used for another request; use a new key for a new request",
                     nlohmann::json{{"errors", nlohmann::json::array({nlohmann::json{
                                                   {"header", "Idempotency-Key"}, {"detail", "used for another request"}}})}});
    case IdempotencyClaim::Outcome::kInDoubt:
      return problem(409, "Outcome unknown",
                     "the first request with this Idempotency-Key lost its database connection while committing, so "
                     "whether it took effect is unknown; check, then send it with a new key if needed");
    case IdempotencyClaim::Outcome::kInProgress: {
      auto r = problem(409, "Request in progress", "a request with this Idempotency-Key is still being handled; retry shortly");
      r.headers.emplace_back("Retry-After", "1");
      return r;
    }
    case IdempotencyClaim::Outcome::kClaimed: break;
  }

  auto [response, in_doubt] = run_handler(route, request, ctx);
  try {
    if (in_doubt)
      store.mark_in_doubt(token, key);
    else if (response.status >= 500)
      store.release(token, key);
    else
      store.complete(token, key, {response.status, response.content_type, response.headers, response.body}, ctx.clock->now());
  } catch (const std::exception& e) {
    // The request itself is done: answer it. The claim stays 'running' until its lease ends,
    // so retries meanwhile get 409 rather than a second execution.
    engine::log::error("http.idempotency_store_failed", {{"error", e.what()}});
  }
  return response;
}

}  // namespace jiaohe::api
